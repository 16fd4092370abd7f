import type * as tfjs from '@tensorflow/tfjs';
import type { BatchSource, SplitName } from '../data/batch-source';
import type { Tf } from '../layers/spec';
import { type Evaluation, taskSpec } from '../tasks/registry';
import { outputUnits } from './batch-tensors';

export type { Evaluation };

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
 * given) and lets the source's task sum up what it got right: a confusion matrix for classification,
 * residuals for regression (see the task specs). Plain data, ready to store and to send to a page.
 * Disposes everything it creates.
 */
export async function evaluateModel(
  tf: Tf,
  model: tfjs.LayersModel,
  source: BatchSource,
  options: EvaluateOptions = {},
): Promise<Evaluation | null> {
  const split = options.split ?? (['test', 'validation', 'train'] as const).find((s) => source.count(s) > 0);
  if (!split || source.count(split) === 0) return null;
  const evaluator = taskSpec(source.task).evaluate({
    split,
    featureShape: source.featureShape,
    labelSize: source.labelSize,
    ...(source.classes ? { classes: source.classes } : {}),
    outputUnits: outputUnits(model),
    samples: options.samples ?? 24,
    maxPoints: options.maxPoints ?? 500,
    tf,
  });
  for await (const batch of source.batches(split, { batchSize: options.batchSize ?? 256 })) {
    const x = tf.tensor(batch.features, [batch.size, ...source.featureShape]);
    const out = model.predict(x) as tfjs.Tensor;
    const values = (await out.data()) as Float32Array;
    tf.dispose([x, out]);
    evaluator.add(batch, values);
  }
  return evaluator.result() as Evaluation;
}
