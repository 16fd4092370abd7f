import type * as tfjs from '@tensorflow/tfjs';
import type { BatchSource, SplitName } from '../data/batch-source';
import type { Tf } from '../layers/spec';
import { outputUnits } from './batch-tensors';

/**
 * What a trained model gets right and wrong on a split: for classification a confusion matrix,
 * per-class accuracy and a few sample predictions (with their features, to draw images); for
 * regression a sample of (true, predicted) pairs for a residual plot. Plain data, ready to store and
 * to send to a page.
 */
export type Evaluation = ClassificationEvaluation | RegressionEvaluation;

export interface ClassificationEvaluation {
  kind: 'classification';
  split: SplitName;
  classes: string[];
  /** `matrix[actual][predicted]` = number of samples. */
  matrix: number[][];
  perClass: { label: string; accuracy: number | null; count: number }[];
  accuracy: number;
  count: number;
  samples: { features: number[]; actual: number; predicted: number; confidence: number }[];
  featureShape: number[];
}

export interface RegressionEvaluation {
  kind: 'regression';
  split: SplitName;
  /** Up to `maxPoints` pairs, the first target of each sample. */
  points: { actual: number; predicted: number }[];
  mae: number;
  rmse: number;
  count: number;
}

/** `matrix[actual][predicted]` counts from two lists of class indexes. */
export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, classCount: number): number[][] {
  const matrix = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const p = predicted[i] as number;
    if (a >= 0 && a < classCount && p >= 0 && p < classCount) (matrix[a] as number[])[p] = ((matrix[a] as number[])[p] ?? 0) + 1;
  }
  return matrix;
}

/** Share of each class's samples predicted as that class (recall); null for a class with no samples. */
export function perClassAccuracy(matrix: number[][]): { accuracy: number | null; count: number }[] {
  return matrix.map((row, i) => {
    const count = row.reduce((a, b) => a + b, 0);
    return { accuracy: count === 0 ? null : (row[i] ?? 0) / count, count };
  });
}

export interface EvaluateOptions {
  split?: SplitName;
  /** About how many sample predictions to keep (classification): as many of each class, mistakes included. */
  samples?: number;
  /** Residual points to keep (regression). */
  maxPoints?: number;
  batchSize?: number;
}

/**
 * Runs the model over one split (test if it has samples, else validation, else train, unless
 * given) and summarises what it got right. Disposes everything it creates.
 */
export async function evaluateModel(
  tf: Tf,
  model: tfjs.LayersModel,
  source: BatchSource,
  options: EvaluateOptions = {},
): Promise<Evaluation | null> {
  const split = options.split ?? (['test', 'validation', 'train'] as const).find((s) => source.count(s) > 0);
  if (!split || source.count(split) === 0) return null;
  const units = outputUnits(model);
  const width = source.featureShape.reduce((a, b) => a * b, 1);
  const wantSamples = options.samples ?? 24;
  const maxPoints = options.maxPoints ?? 500;
  const actual: number[] = [];
  const predicted: number[] = [];
  // Sample predictions of every class, mistakes first in line: a few per class, kept as they stream by.
  const classCount = source.classes?.length ?? Math.max(units, 2);
  const perClass = Math.max(1, Math.ceil(wantSamples / classCount));
  const buckets = Array.from({ length: classCount }, () => ({
    right: [] as ClassificationEvaluation['samples'],
    wrong: [] as ClassificationEvaluation['samples'],
  }));
  const points: RegressionEvaluation['points'] = [];
  let absSum = 0;
  let sqSum = 0;
  let count = 0;
  for await (const batch of source.batches(split, { batchSize: options.batchSize ?? 256 })) {
    const x = tf.tensor(batch.features, [batch.size, ...source.featureShape]);
    const out = model.predict(x) as tfjs.Tensor;
    const values = (await out.data()) as Float32Array;
    tf.dispose([x, out]);
    for (let i = 0; i < batch.size; i++) {
      const row = values.subarray(i * units, (i + 1) * units);
      if (source.task === 'classification') {
        const truth = batch.labels[i * source.labelSize] as number;
        let best = 0;
        let confidence: number;
        if (units === 1) {
          best = (row[0] as number) >= 0.5 ? 1 : 0;
          confidence = best === 1 ? (row[0] as number) : 1 - (row[0] as number);
        } else {
          for (let k = 1; k < units; k++) if ((row[k] as number) > (row[best] as number)) best = k;
          confidence = row[best] as number;
        }
        actual.push(truth);
        predicted.push(best);
        const bucket = buckets[truth];
        const list = bucket ? (best === truth ? bucket.right : bucket.wrong) : null;
        if (list && list.length < perClass) {
          list.push({
            features: Array.from(batch.features.subarray(i * width, (i + 1) * width)),
            actual: truth,
            predicted: best,
            confidence,
          });
        }
      } else {
        const truth = batch.labels[i * source.labelSize] as number;
        const guess = row[0] as number;
        absSum += Math.abs(guess - truth);
        sqSum += (guess - truth) ** 2;
        if (points.length < maxPoints) points.push({ actual: truth, predicted: guess });
      }
      count++;
    }
  }
  if (source.task === 'regression') {
    return { kind: 'regression', split, points, mae: absSum / Math.max(count, 1), rmse: Math.sqrt(sqSum / Math.max(count, 1)), count };
  }
  const classes = source.classes ?? Array.from({ length: classCount }, (_, i) => String(i));
  const samples = buckets.flatMap((b) => {
    const wrong = b.wrong.slice(0, Math.ceil(perClass / 2));
    return [...wrong, ...b.right.slice(0, perClass - wrong.length)];
  });
  const matrix = confusionMatrix(actual, predicted, classes.length);
  const right = actual.reduce((n, a, i) => n + (a === predicted[i] ? 1 : 0), 0);
  return {
    kind: 'classification',
    split,
    classes,
    matrix,
    perClass: perClassAccuracy(matrix).map((p, i) => ({ label: classes[i] ?? String(i), ...p })),
    accuracy: right / Math.max(count, 1),
    count,
    samples,
    featureShape: source.featureShape,
  };
}
