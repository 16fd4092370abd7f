import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import { loadBuiltinDataset } from '../../../engine/data/builtins';
import { LOSSES } from '../../../engine/tasks/losses';
import { templateGraph } from '../../../engine/templates';
import { evaluateSource } from '../../../engine/train/evaluate-source';
import { disposeModel, prepareModel } from '../../../engine/train/prepare-model';
import { targetShapeOf, trainFromSource } from '../../../engine/train/train-stream';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Huber loss with δ = 1, written out. */
const huber = (error: number) => (Math.abs(error) <= 1 ? 0.5 * error ** 2 : Math.abs(error) - 0.5);

describe('a loss TF.js has no name for', () => {
  it('trains a regressor on the diabetes set with the Huber loss, and reports that loss', async () => {
    expect(LOSSES.huberLoss.compute).toBeTypeOf('function');
    const dataset = await loadBuiltinDataset('diabetes');
    if (!dataset) throw new Error('diabetes must load');
    const source = inMemoryBatchSource(dataset);
    const prepared = prepareModel(tf, templateGraph('mlp') as NonNullable<ReturnType<typeof templateGraph>>, source, {
      loss: 'huberLoss',
      epochs: 3,
      batchSize: 32,
      seed: 2,
    });
    if (!prepared.ok) throw new Error(prepared.problem);
    const { model, config } = prepared;
    expect(config).toMatchObject({ loss: 'huberLoss', metrics: ['mae'] });
    const target = targetShapeOf(source, model, config);
    const before = await evaluateSource(tf, model, source, 'test', target);
    const outcome = await trainFromSource(tf, model, source, { config });
    expect(outcome.epochs).toHaveLength(3);
    const after = await evaluateSource(tf, model, source, 'test', target);
    expect(after.loss).toBeLessThan(before.loss as number);

    let sum = 0;
    let count = 0;
    for await (const batch of source.batches('test', { batchSize: 128 })) {
      const x = tf.tensor(batch.features, [batch.size, ...source.featureShape]);
      const y = model.predict(x) as tf.Tensor;
      const predicted = await y.data();
      tf.dispose([x, y]);
      for (let i = 0; i < batch.size; i++) sum += huber((predicted[i] as number) - (batch.labels[i] as number));
      count += batch.size;
    }
    expect(after.loss).toBeCloseTo(sum / count, 4);
    disposeModel(model);
  });
});
