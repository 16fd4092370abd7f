import type * as tfjs from '@tensorflow/tfjs';
import { type InMemoryDataset, SPLIT } from '../data/dataset';
import type { TrainingConfig } from '../graph/training-config';
import type { Tf } from '../layers/spec';

export interface SplitTensors {
  x: tfjs.Tensor;
  y: tfjs.Tensor;
  count: number;
}

/**
 * Tensors of one split of an in-memory dataset, with labels shaped for the loss: one-hot for
 * categorical cross-entropy, class indexes for the sparse loss, raw values otherwise.
 */
export function splitTensors(
  tf: Tf,
  dataset: InMemoryDataset,
  split: number,
  loss: TrainingConfig['loss'],
  classCount: number,
): SplitTensors | null {
  const rows: number[] = [];
  for (let i = 0; i < dataset.split.length; i++) if (dataset.split[i] === split) rows.push(i);
  if (rows.length === 0) return null;
  const width = dataset.featureShape.reduce((a, b) => a * b, 1);
  const features = new Float32Array(rows.length * width);
  const labels = new Float32Array(rows.length * dataset.labelSize);
  rows.forEach((row, k) => {
    features.set(dataset.features.subarray(row * width, (row + 1) * width), k * width);
    labels.set(dataset.labels.subarray(row * dataset.labelSize, (row + 1) * dataset.labelSize), k * dataset.labelSize);
  });
  const x = tf.tensor(features, [rows.length, ...dataset.featureShape]);
  let y: tfjs.Tensor;
  if (dataset.task === 'classification' && loss === 'categoricalCrossentropy') {
    y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), classCount).toFloat());
  } else if (dataset.task === 'classification' && loss === 'binaryCrossentropy' && classCount <= 2) {
    y = tf.tensor2d(labels, [rows.length, 1]);
  } else {
    y = tf.tensor2d(labels, [rows.length, dataset.labelSize]);
  }
  return { x, y, count: rows.length };
}

export { SPLIT };
