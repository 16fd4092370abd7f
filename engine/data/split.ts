import { SPLIT } from './dataset';
import { seededRandom, shuffledIndices } from './random';

/**
 * Assigns samples to train / validation / test, stratified by class when labels are classes (each
 * class keeps its share in every split), seeded so the split is the same every time.
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  fractions: { validation: number; test: number },
  seed: number,
  stratify = true,
): Uint8Array {
  const split = new Uint8Array(labels.length);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const key = stratify ? (labels[i] as number) : 0;
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  }
  const random = seededRandom(seed);
  for (const members of groups.values()) {
    const order = shuffledIndices(members.length, random);
    const nTest = Math.round(members.length * fractions.test);
    const nVal = Math.round(members.length * fractions.validation);
    order.forEach((o, rank) => {
      const sample = members[o] as number;
      split[sample] = rank < nTest ? SPLIT.test : rank < nTest + nVal ? SPLIT.validation : SPLIT.train;
    });
  }
  return split;
}
