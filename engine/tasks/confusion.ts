import type { Batch, SplitName } from '../data/batch-source';
import type { EvaluationContext, Evaluator } from './spec';

/**
 * What a classifier gets right and wrong on a split: the confusion matrix, per-class accuracy and a
 * few sample predictions of every class (with their features, to draw images).
 */
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

/**
 * The predicted class of one output row and how sure the model is: a single sigmoid unit says class
 * 1 from 0.5 up, several units give the class of the largest.
 */
export function predictedClass(row: ArrayLike<number>): { best: number; confidence: number } {
  if (row.length === 1) {
    const p = row[0] as number;
    return p >= 0.5 ? { best: 1, confidence: p } : { best: 0, confidence: 1 - p };
  }
  let best = 0;
  for (let k = 1; k < row.length; k++) if ((row[k] as number) > (row[best] as number)) best = k;
  return { best, confidence: row[best] as number };
}

type Sample = ClassificationEvaluation['samples'][number];

/**
 * Counts predictions against class labels as batches stream by, keeping a few sample predictions of
 * every class, mistakes first in line.
 */
export function classificationEvaluator(context: EvaluationContext): Evaluator<ClassificationEvaluation> {
  const units = context.outputUnits;
  const width = context.featureShape.reduce((a, b) => a * b, 1);
  const classCount = context.classes?.length ?? Math.max(units, 2);
  const perClass = Math.max(1, Math.ceil(context.samples / classCount));
  const buckets = Array.from({ length: classCount }, () => ({ right: [] as Sample[], wrong: [] as Sample[] }));
  const actual: number[] = [];
  const predicted: number[] = [];
  return {
    add(batch: Batch, predictions: Float32Array) {
      for (let i = 0; i < batch.size; i++) {
        const truth = batch.labels[i * context.labelSize] as number;
        const { best, confidence } = predictedClass(predictions.subarray(i * units, (i + 1) * units));
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
      }
    },
    result() {
      const classes = context.classes ?? Array.from({ length: classCount }, (_, i) => String(i));
      const samples = buckets.flatMap((b) => {
        const wrong = b.wrong.slice(0, Math.ceil(perClass / 2));
        return [...wrong, ...b.right.slice(0, perClass - wrong.length)];
      });
      const matrix = confusionMatrix(actual, predicted, classes.length);
      const right = actual.reduce((n, a, i) => n + (a === predicted[i] ? 1 : 0), 0);
      return {
        kind: 'classification',
        split: context.split,
        classes,
        matrix,
        perClass: perClassAccuracy(matrix).map((p, i) => ({ label: classes[i] ?? String(i), ...p })),
        accuracy: right / Math.max(actual.length, 1),
        count: actual.length,
        samples,
        featureShape: context.featureShape,
      };
    },
  };
}
