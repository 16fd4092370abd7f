import type * as tfjs from '@tensorflow/tfjs';
import type { Batch } from '../data/batch-source';
import type { TrainingConfig } from '../graph/training-config';
import type { Tf } from '../layers/spec';

/** How a dataset's labels become the targets a loss expects. */
export interface TargetShape {
  task: 'classification' | 'regression';
  loss: TrainingConfig['loss'];
  /** Number of classes (classification), else 1. */
  classCount: number;
  /** Values per stored label. */
  labelSize: number;
  /** Units of the model's output layer (decides binary-with-one-unit vs one-hot). */
  outputUnits: number;
}

/**
 * How a run's targets are encoded: one-hot rows for categorical cross-entropy, class indexes for the
 * sparse loss, a 0/1 column for binary cross-entropy on one output unit, the raw values otherwise.
 */
export function targetEncoding(t: TargetShape): 'oneHot' | 'index' | 'binary' | 'values' {
  if (t.task !== 'classification') return 'values';
  if (t.loss === 'sparseCategoricalCrossentropy') return 'index';
  if (t.loss === 'binaryCrossentropy' && t.outputUnits === 1) return 'binary';
  if (t.loss === 'categoricalCrossentropy' || t.loss === 'binaryCrossentropy') return 'oneHot';
  return 'values';
}

/** The feature and target tensors of one batch. The caller disposes them. */
export function batchTensors(tf: Tf, batch: Batch, featureShape: number[], target: TargetShape): { x: tfjs.Tensor; y: tfjs.Tensor } {
  const x = tf.tensor(batch.features, [batch.size, ...featureShape], 'float32');
  const encoding = targetEncoding(target);
  let y: tfjs.Tensor;
  if (encoding === 'oneHot') {
    y = tf.tidy(() => tf.oneHot(tf.tensor1d(batch.labels, 'int32'), target.classCount).toFloat());
  } else if (encoding === 'index' || encoding === 'binary') {
    y = tf.tensor2d(batch.labels, [batch.size, 1]);
  } else {
    y = tf.tensor2d(batch.labels, [batch.size, target.labelSize]);
  }
  return { x, y };
}

/** Units of a single-output model's last dimension. */
export function outputUnits(model: tfjs.LayersModel): number {
  const shape = model.outputs[0]?.shape ?? [];
  return Number(shape[shape.length - 1] ?? 1);
}
