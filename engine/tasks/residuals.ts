import type { Batch, SplitName } from '../data/batch-source';
import type { EvaluationContext, Evaluator } from './spec';

/** How far a regressor's predictions are from the targets on a split, with points for a residual plot. */
export interface RegressionEvaluation {
  kind: 'regression';
  split: SplitName;
  /** Up to `maxPoints` pairs, the first target of each sample. */
  points: { actual: number; predicted: number }[];
  mae: number;
  rmse: number;
  count: number;
}

/** Sums absolute and squared errors of the first target as batches stream by, keeping the first points. */
export function regressionEvaluator(context: EvaluationContext): Evaluator<RegressionEvaluation> {
  const units = context.outputUnits;
  const points: RegressionEvaluation['points'] = [];
  let absSum = 0;
  let sqSum = 0;
  let count = 0;
  return {
    add(batch: Batch, predictions: Float32Array) {
      for (let i = 0; i < batch.size; i++) {
        const truth = batch.labels[i * context.labelSize] as number;
        const guess = predictions[i * units] as number;
        absSum += Math.abs(guess - truth);
        sqSum += (guess - truth) ** 2;
        if (points.length < context.maxPoints) points.push({ actual: truth, predicted: guess });
        count++;
      }
    },
    result() {
      const n = Math.max(count, 1);
      return { kind: 'regression', split: context.split, points, mae: absSum / n, rmse: Math.sqrt(sqSum / n), count };
    },
  };
}
