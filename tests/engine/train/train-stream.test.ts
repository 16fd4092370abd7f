import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Batch, inMemoryBatchSource } from '../../../engine/data/batch-source';
import { spiral } from '../../../engine/data/generated';
import type { TrainingConfigInput } from '../../../engine/graph/training-config';
import { templateGraph } from '../../../engine/templates';
import { decodeCheckpoint, encodeCheckpoint, restoreCheckpoint } from '../../../engine/train/checkpoint';
import { disposeModel, prepareModel } from '../../../engine/train/prepare-model';
import { type BatchInfo, trainFromSource } from '../../../engine/train/train-stream';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const source = inMemoryBatchSource(spiral({ samples: 300, seed: 5 }));

function model(overrides: TrainingConfigInput = {}) {
  const prepared = prepareModel(tf, templateGraph('mlp') as NonNullable<ReturnType<typeof templateGraph>>, source, {
    epochs: 3,
    batchSize: 32,
    seed: 7,
    ...overrides,
  });
  if (!prepared.ok) throw new Error(prepared.problem);
  return prepared;
}

/** A second model with the first one's initial weights, so two trainings can be compared exactly. */
function twin(overrides: TrainingConfigInput = {}) {
  const a = model(overrides);
  const b = model(overrides);
  b.model.setWeights(a.model.getWeights());
  return [a, b] as const;
}

const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe('trainFromSource', () => {
  it('learns from batches, reporting every batch and every epoch with validation figures', async () => {
    const { model: m, config } = model({ epochs: 30, learningRate: 0.02 });
    const batches: BatchInfo[] = [];
    const epochs: number[] = [];
    const outcome = await trainFromSource(tf, m, source, {
      config,
      onBatchEnd: (b) => {
        batches.push(b);
      },
      onEpochEnd: (r) => {
        epochs.push(r.epoch);
      },
    });
    const perEpoch = Math.ceil(source.count('train') / 32);
    expect(batches).toHaveLength(30 * perEpoch);
    expect(batches[0]).toMatchObject({ epoch: 0, batch: 0, batches: perEpoch, size: 32 });
    expect(batches[0]?.metrics).toHaveProperty('loss');
    expect(batches[0]?.metrics).toHaveProperty('accuracy');
    expect(epochs).toEqual(Array.from({ length: 30 }, (_, i) => i));
    const last = outcome.epochs[outcome.epochs.length - 1];
    expect(Object.keys(last?.metrics ?? {}).sort()).toEqual(['accuracy', 'loss', 'valAccuracy', 'valLoss']);
    expect(last?.metrics.accuracy).toBeGreaterThan(0.8);
    expect(last?.samplesPerSecond).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ cancelled: false, stoppedEarly: false });
    disposeModel(m);
  });

  it('stops between batches when asked, without recording the unfinished epoch', async () => {
    const { model: m, config } = model();
    let seen = 0;
    const outcome = await trainFromSource(tf, m, source, { config, onBatchEnd: () => void seen++, shouldStop: () => seen >= 10 });
    expect(outcome.cancelled).toBe(true);
    expect(outcome.epochs).toHaveLength(1);
    expect(seen).toBe(10);
    disposeModel(m);
  });

  it('waits while paused and goes on after resume', async () => {
    const { model: m, config } = model({ epochs: 1 });
    let paused = true;
    let waits = 0;
    const release = setTimeout(() => {
      paused = false;
    }, 150);
    const started = Date.now();
    await trainFromSource(tf, m, source, {
      config,
      waitWhilePaused: async () => {
        while (paused) {
          waits++;
          await new Promise((r) => setTimeout(r, 20));
        }
      },
    });
    clearTimeout(release);
    expect(waits).toBeGreaterThan(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    disposeModel(m);
  });

  it('applies the learning-rate schedule epoch by epoch', async () => {
    const { model: m, config } = model({ epochs: 3, learningRate: 0.1, schedule: { kind: 'step', every: 1, factor: 0.5 } });
    const outcome = await trainFromSource(tf, m, source, { config });
    expect(outcome.epochs.map((e) => e.learningRate)).toEqual([0.1, 0.05, 0.025]);
    disposeModel(m);
  });

  it("stops early when the monitored figure stops improving, and keeps the best epoch's weights", async () => {
    // A huge learning rate makes the loss get worse after the first epochs.
    const { model: m, config } = model({
      epochs: 20,
      learningRate: 5,
      optimizer: 'sgd',
      earlyStopping: { patience: 2, monitor: 'val_loss' },
      keepBest: true,
    });
    let bestWeights: number[][] = [];
    const outcome = await trainFromSource(tf, m, source, {
      config,
      onEpochEnd: (record, ctx) => {
        if (ctx.tracker.bestEpoch === record.epoch) bestWeights = weightsOf(ctx.model);
      },
    });
    expect(outcome.stoppedEarly).toBe(true);
    expect(outcome.epochs.length).toBeLessThan(20);
    expect(outcome.bestEpoch).toBe(outcome.epochs.length - 3);
    expect(weightsOf(m)).toEqual(bestWeights);
    disposeModel(m);
  });

  it('augments training batches only', async () => {
    const { model: m, config } = model({ epochs: 1 });
    const splits = new Set<number>();
    await trainFromSource(tf, m, source, {
      config,
      transformBatch: (batch: Batch, epoch, index) => {
        splits.add(index);
        return { ...batch, features: batch.features.map((v) => v * (epoch + 1)) };
      },
    });
    expect(splits.size).toBe(Math.ceil(source.count('train') / 32));
    disposeModel(m);
  });

  it('resumed from a checkpoint, ends exactly where an uninterrupted run ends', async () => {
    const [straight, interrupted] = twin({ epochs: 4 });
    await trainFromSource(tf, straight.model, source, { config: straight.config });

    let saved: Uint8Array | null = null;
    let count = 0;
    await trainFromSource(tf, interrupted.model, source, {
      config: interrupted.config,
      onEpochEnd: async (record, ctx) => {
        if (record.epoch === 1) saved = await encodeCheckpoint(tf, ctx.model, record.epoch, ctx.tracker, ctx.bestWeights);
      },
      onBatchEnd: () => void count++,
      shouldStop: () => saved !== null && count > 0 && count % 5 === 0, // killed somewhere in epoch 2
    });
    expect(saved).not.toBeNull();

    const fresh = model({ epochs: 4 });
    const restored = await restoreCheckpoint(tf, fresh.model, decodeCheckpoint(tf, saved as unknown as Uint8Array));
    expect(restored).toMatchObject({ initialEpoch: 2, optimizerRestored: true });
    const outcome = await trainFromSource(tf, fresh.model, source, { config: fresh.config, ...restored });
    expect(outcome.epochs.map((e) => e.epoch)).toEqual([2, 3]);
    const a = weightsOf(straight.model);
    const b = weightsOf(fresh.model);
    a.forEach((w, i) => {
      w.forEach((v, j) => {
        expect(b[i]?.[j]).toBeCloseTo(v, 5);
      });
    });
    for (const p of [straight, interrupted, fresh]) disposeModel(p.model);
  });
});
