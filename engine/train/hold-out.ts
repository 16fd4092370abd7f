import type { BatchSource } from '../data/batch-source';
import { type InMemoryDataset, SPLIT } from '../data/dataset';
import { seededRandom } from '../data/random';

/**
 * A dataset with a validation split: its own when it has one, else `fraction` of its training samples
 * (chosen with the seed) moved to validation. Samples are not copied.
 */
export function withValidationSplit(dataset: InMemoryDataset, fraction: number, seed = 1): InMemoryDataset {
  if (fraction <= 0 || dataset.split.some((s) => s === SPLIT.validation)) return dataset;
  const random = seededRandom(seed + 7919);
  const split = dataset.split.map((s) => (s === SPLIT.train && random() < fraction ? SPLIT.validation : s));
  return { ...dataset, split };
}

/** True when a source has a validation split to watch. */
export function hasValidation(source: BatchSource): boolean {
  return source.count('validation') > 0;
}
