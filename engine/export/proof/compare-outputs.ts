import { PROOF_TOLERANCE } from './proof';

/** One output of a model on the proof's inputs. */
export interface ModelOutput {
  data: ArrayLike<number>;
  shape: number[];
}

/** How two models' outputs compare: the largest absolute difference, and what differed. */
export interface OutputComparison {
  maxAbsDiff: number;
  problems: string[];
}

/**
 * Compares the reloaded model's outputs with the original's, output by output: the same count and
 * shapes, and every value within `PROOF_TOLERANCE` of the larger of 1 and that output's scale. A
 * NaN on one side only is a difference too.
 */
export function compareOutputs(
  expected: readonly ModelOutput[],
  actual: readonly ModelOutput[],
  names: readonly string[],
): OutputComparison {
  const problems: string[] = [];
  if (expected.length !== actual.length)
    problems.push(`The original has ${expected.length} output(s), the reloaded files ${actual.length}.`);
  let maxAbsDiff = 0;
  expected.forEach((e, i) => {
    const a = actual[i];
    if (!a) return;
    const name = names[i] ?? `output ${i + 1}`;
    if (e.shape.join('×') !== a.shape.join('×')) {
      problems.push(`${name}: the original gives shape [${e.shape.join(', ')}], the reloaded files [${a.shape.join(', ')}].`);
      maxAbsDiff = Number.POSITIVE_INFINITY;
      return;
    }
    let scale = 1;
    let worst = 0;
    let worstAt = 0;
    for (let j = 0; j < e.data.length; j++) {
      const x = e.data[j] as number;
      const y = a.data[j] as number;
      scale = Math.max(scale, Math.abs(x) || 0);
      const diff = Number.isNaN(x) && Number.isNaN(y) ? 0 : Math.abs(x - y);
      if (!(diff <= worst)) {
        worst = Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff;
        worstAt = j;
      }
    }
    maxAbsDiff = Math.max(maxAbsDiff, worst);
    if (worst > PROOF_TOLERANCE * scale) {
      problems.push(
        `${name}: predictions differ by up to ${worst.toPrecision(3)} (value ${worstAt}: ${fmt(e.data[worstAt])} in the original, ${fmt(a.data[worstAt])} reloaded), more than the tolerance of ${PROOF_TOLERANCE * scale}.`,
      );
    }
  });
  return { maxAbsDiff, problems };
}

function fmt(value: number | undefined): string {
  return value === undefined ? 'none' : Number(value.toPrecision(5)).toString();
}
