import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import type { InMemoryDataset } from '../../../engine/data/dataset';
import { confusionMatrix, perClassAccuracy } from '../../../engine/tasks/confusion';
import type { TaskId } from '../../../engine/tasks/registry';
import { evaluateModel } from '../../../engine/train/evaluation';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('confusion matrix', () => {
  it('counts actual × predicted', () => {
    expect(confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
  });

  it('ignores out-of-range classes', () => {
    expect(confusionMatrix([0, 5, -1], [0, 0, 0], 2)).toEqual([
      [1, 0],
      [0, 0],
    ]);
  });

  it('gives per-class accuracy (recall), null for classes with no samples', () => {
    expect(
      perClassAccuracy([
        [3, 1],
        [0, 0],
      ]),
    ).toEqual([
      { accuracy: 0.75, count: 4 },
      { accuracy: null, count: 0 },
    ]);
  });
});

/** A fixed linear "model": class = argmax of the two features. */
function argmaxModel(): tf.LayersModel {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, useBias: false, activation: 'softmax' })] });
  model.setWeights([tf.tensor2d([10, 0, 0, 10], [2, 2])]);
  return model;
}

const dataset = (task: TaskId, labels: number[]): InMemoryDataset => ({
  name: 'tiny',
  source: 'test',
  task,
  featureShape: [2],
  features: Float32Array.from([1, 0, 0, 1, 1, 0, 0, 1]),
  labels: Float32Array.from(labels),
  labelSize: 1,
  ...(task === 'classification' ? { classes: ['a', 'b'] } : {}),
  split: Uint8Array.from([2, 2, 2, 2]),
});

describe('evaluateModel', () => {
  it('reports the matrix, per-class accuracy and sample predictions on the test split', async () => {
    const model = argmaxModel();
    const before = tf.memory().numTensors;
    const result = await evaluateModel(tf, model, inMemoryBatchSource(dataset('classification', [0, 1, 1, 1])), {
      samples: 2,
      batchSize: 3,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(result).toMatchObject({ kind: 'classification', split: 'test', classes: ['a', 'b'], count: 4, accuracy: 0.75 });
    if (result?.kind !== 'classification') throw new Error('expected classification');
    expect(result.matrix).toEqual([
      [1, 0],
      [1, 2],
    ]);
    expect(result.perClass).toEqual([
      { label: 'a', accuracy: 1, count: 1 },
      { label: 'b', accuracy: 2 / 3, count: 3 },
    ]);
    expect(result.samples).toHaveLength(2);
    expect(result.samples[0]).toMatchObject({ features: [1, 0], actual: 0, predicted: 0 });
    expect(result.samples[0]?.confidence).toBeGreaterThan(0.99);
    model.dispose();
  });

  it('keeps sample predictions of every class, mistakes first', async () => {
    const model = argmaxModel();
    const result = await evaluateModel(tf, model, inMemoryBatchSource(dataset('classification', [0, 1, 1, 1])), { samples: 4 });
    if (result?.kind !== 'classification') throw new Error('expected classification');
    expect(result.samples.map((s) => [s.actual, s.predicted])).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    model.dispose();
  });

  it('reports residual points, MAE and RMSE for regression', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1, useBias: false })] });
    model.setWeights([tf.tensor2d([1, 2], [2, 1])]);
    const result = await evaluateModel(tf, model, inMemoryBatchSource(dataset('regression', [1, 1, 1, 3])));
    expect(result).toMatchObject({ kind: 'regression', count: 4 });
    if (result?.kind !== 'regression') throw new Error('expected regression');
    // predictions 1, 2, 1, 2 against 1, 1, 1, 3: errors 0, 1, 0, 1
    expect(result.points).toEqual([
      { actual: 1, predicted: 1 },
      { actual: 1, predicted: 2 },
      { actual: 1, predicted: 1 },
      { actual: 3, predicted: 2 },
    ]);
    expect(result.mae).toBeCloseTo(0.5);
    expect(result.rmse).toBeCloseTo(Math.sqrt(0.5));
    model.dispose();
  });
});
