import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type BatchSource, inMemoryBatchSource, type SplitName } from '../../../engine/data/batch-source';
import { loadBuiltinDataset } from '../../../engine/data/builtins';
import type { InMemoryDataset } from '../../../engine/data/dataset';
import { defineLoss } from '../../../engine/tasks/losses/spec';
import { defineMetric } from '../../../engine/tasks/metrics/spec';
import { TASK_IDS } from '../../../engine/tasks/registry';
import { defineTask } from '../../../engine/tasks/spec';
import { templateGraph } from '../../../engine/templates';
import { evaluateSource } from '../../../engine/train/evaluate-source';
import { evaluateModel } from '../../../engine/train/evaluation';
import { disposeModel, prepareModel } from '../../../engine/train/prepare-model';
import { resolveSettings } from '../../../engine/train/resolve-settings';
import { targetShapeOf, trainFromSource } from '../../../engine/train/train-stream';

/*
 * A task NetCanvas does not have, written here as one spec — exactly what a new file under
 * engine/tasks/ would hold — and trained end to end through the engine without touching it:
 * reconstruction, where the target is the input, with a loss and a metric of its own (functions of
 * TF.js ops, not names model.compile knows).
 */

const meanAbsolutePixelError = defineLoss({
  id: 'meanAbsolutePixelError',
  label: 'mean absolute pixel error',
  compute: (tf, yTrue, yPred) => tf.mean(tf.abs(tf.sub(yTrue, yPred)), [1, 2, 3]),
  keras: 'mean_absolute_error',
});

/** Per-sample PSNR of images in 0–1, in decibels. */
const psnr = defineMetric({
  id: 'psnr',
  label: 'peak signal-to-noise ratio (decibels; higher is better)',
  compute: (tf, yTrue, yPred) =>
    tf.tidy(() => tf.mul(-10 / Math.LN10, tf.log(tf.add(tf.mean(tf.square(tf.sub(yTrue, yPred)), [1, 2, 3]), 1e-10)))),
});

interface ReconstructionEvaluation {
  kind: 'reconstruction';
  split: SplitName;
  psnr: number;
  count: number;
}

const reconstruction = defineTask({
  id: 'reconstruction',
  label: 'image reconstruction',
  doc: 'The model rebuilds its input image; nothing is labelled.',
  labelSchema: () => z.unknown(),
  labelShape: (context) => context.featureShape,
  encodeLabels: (tf, batch, context) => tf.tensor(batch.features, [batch.size, ...context.featureShape]),
  losses: [meanAbsolutePixelError],
  chooseLoss: (chosen) => (chosen === meanAbsolutePixelError.id ? null : { loss: meanAbsolutePixelError.id, metrics: [psnr.id] }),
  labelWords: () => 'the input images as targets',
  lossReason: () => 'because the target is the input image',
  metrics: [psnr],
  fitOutput: () => null,
  evaluate: (context) => {
    let sum = 0;
    let count = 0;
    const width = context.featureShape.reduce((a, b) => a * b, 1);
    return {
      add(batch, predictions) {
        for (let i = 0; i < batch.size; i++) {
          sum += samplePsnr(batch.features.subarray(i * width, (i + 1) * width), predictions.subarray(i * width, (i + 1) * width));
          count++;
        }
      },
      result: (): ReconstructionEvaluation => ({ kind: 'reconstruction', split: context.split, psnr: sum / Math.max(count, 1), count }),
    };
  },
  moveLabels: null,
  stratify: false,
});

function samplePsnr(truth: ArrayLike<number>, guess: ArrayLike<number>): number {
  let sq = 0;
  for (let j = 0; j < truth.length; j++) sq += ((truth[j] as number) - (guess[j] as number)) ** 2;
  return -10 * Math.log10(sq / truth.length + 1e-10);
}

/** Every `step`-th digit (they are stored class by class), keeping each one's split. */
function everyNth(dataset: InMemoryDataset, step: number): InMemoryDataset {
  const rows = Array.from({ length: Math.ceil(dataset.split.length / step) }, (_, k) => k * step);
  const width = dataset.featureShape.reduce((a, b) => a * b, 1);
  const features = new Float32Array(rows.length * width);
  rows.forEach((row, k) => {
    features.set(dataset.features.subarray(row * width, (row + 1) * width), k * width);
  });
  return {
    ...dataset,
    features,
    labels: Float32Array.from(rows, (r) => dataset.labels[r] as number),
    split: Uint8Array.from(rows, (r) => dataset.split[r] as number),
  };
}

/** Mean absolute error and mean PSNR of the model's outputs against its inputs, computed in plain JavaScript. */
async function plainFigures(model: tf.LayersModel, source: BatchSource, split: SplitName) {
  let abs = 0;
  let psnrSum = 0;
  let count = 0;
  for await (const batch of source.batches(split, { batchSize: 64 })) {
    const x = tf.tensor(batch.features, [batch.size, ...source.featureShape]);
    const y = model.predict(x) as tf.Tensor;
    const out = await y.data();
    tf.dispose([x, y]);
    const width = out.length / batch.size;
    for (let i = 0; i < batch.size; i++) {
      const truth = batch.features.subarray(i * width, (i + 1) * width);
      const guess = out.subarray(i * width, (i + 1) * width);
      let sample = 0;
      for (let j = 0; j < width; j++) sample += Math.abs((truth[j] as number) - (guess[j] as number));
      abs += sample / width;
      psnrSum += samplePsnr(truth, guess);
      count++;
    }
  }
  return { mae: abs / count, psnr: psnrSum / count };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('a task defined in one file', () => {
  it('trains an autoencoder for an epoch with its own loss and metric, and evaluates it its own way', async () => {
    expect(TASK_IDS).not.toContain('reconstruction');
    const digits = await loadBuiltinDataset('digits');
    if (!digits) throw new Error('digits must load');
    const source: BatchSource = { ...inMemoryBatchSource(everyNth(digits, 12)), task: reconstruction };
    const doc = templateGraph('autoencoder');
    if (!doc) throw new Error('the autoencoder template must exist');
    const overrides = { epochs: 1, batchSize: 32, seed: 3, learningRate: 0.005 };

    const resolved = resolveSettings(doc, source, overrides);
    expect(resolved.problem).toBeUndefined();
    expect(resolved.config).toMatchObject({ loss: 'meanAbsolutePixelError', metrics: ['psnr'], epochs: 1 });
    expect(resolved.notes.map((n) => n.text)).toEqual(
      expect.arrayContaining([
        'Loss: mean absolute pixel error, because the target is the input image.',
        'Metrics: peak signal-to-noise ratio (decibels; higher is better).',
      ]),
    );

    const prepared = prepareModel(tf, doc, source, overrides);
    if (!prepared.ok) throw new Error(prepared.problem);
    const { model, config } = prepared;
    expect(typeof model.loss).toBe('function');
    const target = targetShapeOf(source, model, config);
    const before = await evaluateSource(tf, model, source, 'test', target);

    const outcome = await trainFromSource(tf, model, source, { config });
    expect(outcome.epochs).toHaveLength(1);
    expect(Object.keys(outcome.epochs[0]?.metrics ?? {}).sort()).toEqual(['loss', 'psnr', 'valLoss', 'valPsnr']);

    // The figures TF.js reports are our functions' own, recomputed here from the predictions.
    const after = await evaluateSource(tf, model, source, 'test', target);
    const plain = await plainFigures(model, source, 'test');
    expect(after.loss).toBeLessThan((before.loss as number) * 0.8);
    expect(after.loss).toBeCloseTo(plain.mae, 4);
    expect(after.psnr).toBeCloseTo(plain.psnr, 2);
    expect(after.psnr).toBeGreaterThan(before.psnr as number);

    const evaluation = await evaluateModel(tf, model, source);
    expect(evaluation).toMatchObject({ kind: 'reconstruction', split: 'test', count: source.count('test') });
    expect((evaluation as unknown as ReconstructionEvaluation).psnr).toBeCloseTo(plain.psnr, 3);
    disposeModel(model);
  });
});
