import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '../../../engine/backends/node-tf';
import { augmentBatch, NO_AUGMENTATION } from '../../../engine/data/augment';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import { loadBuiltinDataset } from '../../../engine/data/builtins';
import { type InMemoryDataset, SPLIT } from '../../../engine/data/dataset';
import { seededRandom } from '../../../engine/data/random';
import { drawShapesScene, shapesSegmentation } from '../../../engine/data/shapes';
import type { GraphDoc } from '../../../engine/graph/schema';
import { dice } from '../../../engine/tasks/losses/overlap';
import { segmentationEvaluator } from '../../../engine/tasks/mask-overlap';
import { meanIou, psnr } from '../../../engine/tasks/metrics/overlap';
import { imagePsnr } from '../../../engine/tasks/rebuild-quality';
import { taskSpec } from '../../../engine/tasks/registry';
import { templateGraph } from '../../../engine/templates';
import { evaluateModel } from '../../../engine/train/evaluation';
import { disposeModel, prepareModel } from '../../../engine/train/prepare-model';
import { trainFromSource } from '../../../engine/train/train-stream';

let tf: typeof tfjs;
beforeAll(async () => {
  tf = await nodeTf();
});

const value = (t: tfjs.Tensor) => {
  const v = t.dataSync()[0] as number;
  t.dispose();
  return v;
};

/** Mean IoU of two masks of class indexes, over the classes present in either: the plain definition. */
function referenceMeanIou(truth: number[], guess: number[], classes: number): number {
  const ious: number[] = [];
  for (let c = 0; c < classes; c++) {
    let inter = 0;
    let union = 0;
    for (let i = 0; i < truth.length; i++) {
      const a = truth[i] === c;
      const b = guess[i] === c;
      if (a && b) inter++;
      if (a || b) union++;
    }
    if (union > 0) ious.push(inter / union);
  }
  return ious.reduce((s, v) => s + v, 0) / ious.length;
}

/** Every `step`-th sample of a set, with its split. */
function subset(dataset: InMemoryDataset, step: number): InMemoryDataset {
  const width = dataset.featureShape.reduce((a, b) => a * b, 1);
  const rows = Array.from({ length: Math.floor(dataset.split.length / step) }, (_, k) => k * step);
  const features = new Float32Array(rows.length * width);
  const labels = new Float32Array(rows.length * dataset.labelSize);
  rows.forEach((row, k) => {
    features.set(dataset.features.subarray(row * width, (row + 1) * width), k * width);
    labels.set(dataset.labels.subarray(row * dataset.labelSize, (row + 1) * dataset.labelSize), k * dataset.labelSize);
  });
  return { ...dataset, features, labels, split: Uint8Array.from(rows, (r) => dataset.split[r] as number) };
}

describe('generated shapes with masks', () => {
  it('are the same for a seed, and each box holds exactly the pixels of its class', () => {
    const a = shapesSegmentation({ samples: 20, seed: 9 });
    const b = shapesSegmentation({ samples: 20, seed: 9 });
    expect(a.features).toEqual(b.features);
    expect(a.labels).toEqual(b.labels);
    expect(a.featureShape).toEqual([32, 32, 1]);
    expect(a.labelSize).toBe(32 * 32);
    const random = seededRandom(3);
    for (let n = 0; n < 30; n++) {
      const scene = drawShapesScene(random, 32);
      expect(scene.boxes.length).toBeGreaterThan(0);
      for (const box of scene.boxes) {
        for (let y = 0; y < 32; y++) {
          for (let x = 0; x < 32; x++) {
            const inBox = x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;
            if (scene.mask[y * 32 + x] === box.classIndex) expect(inBox).toBe(true);
          }
        }
      }
      // Shapes are brighter than the noisy background.
      for (let p = 0; p < 32 * 32; p++) if ((scene.mask[p] as number) > 0) expect(scene.pixels[p]).toBeGreaterThan(0.35);
    }
  });

  it('keeps masks on their shapes through flips, turns, shifts and zooms', () => {
    const set = shapesSegmentation({ samples: 40, seed: 2 });
    const task = taskSpec('segmentation');
    const batch = { features: set.features, labels: set.labels, size: 40 };
    for (let seed = 1; seed <= 5; seed++) {
      const config = { ...NO_AUGMENTATION, flipHorizontal: true, rotation: 25, shift: 0.15, zoom: 0.15 };
      const moved = augmentBatch(batch, set.featureShape, config, seed, task.moveLabels);
      let agree = 0;
      let shapePixels = 0;
      for (let p = 0; p < moved.features.length; p++) {
        const onShape = (moved.labels[p] as number) > 0;
        if (!onShape) continue;
        shapePixels++;
        if ((moved.features[p] as number) > 0.3) agree++;
      }
      // Bilinear pictures and nearest masks differ only along edges.
      expect(agree / shapePixels).toBeGreaterThan(0.93);
      expect(moved.labels.every((l) => Number.isInteger(l) && l >= 0 && l <= 3)).toBe(true);
    }
  });
});

describe('overlap losses and metrics', () => {
  it('mean IoU agrees with the plain definition, for class scores and for one sigmoid channel', () => {
    const random = seededRandom(11);
    for (let n = 0; n < 10; n++) {
      const truth = Array.from({ length: 2 * 6 * 6 }, () => Math.floor(random() * 3));
      const scores = Array.from({ length: 2 * 6 * 6 * 3 }, () => random());
      const guess = Array.from({ length: truth.length }, (_, p) => {
        const s = scores.slice(p * 3, p * 3 + 3);
        return s.indexOf(Math.max(...s));
      });
      const yTrue = tf.oneHot(tf.tensor1d(truth, 'int32'), 3).reshape([2, 6, 6, 3]);
      const yPred = tf.tensor4d(scores, [2, 6, 6, 3]);
      expect(value(meanIou.compute?.(tf, yTrue, yPred) as tfjs.Tensor)).toBeCloseTo(referenceMeanIou(truth, guess, 3), 5);
      tf.dispose([yTrue, yPred]);
    }
    const yTrue = tf.tensor4d([1, 1, 0, 0], [1, 2, 2, 1]);
    const yPred = tf.tensor4d([0.9, 0.2, 0.7, 0.1], [1, 2, 2, 1]);
    // Foreground: 1 of 3 pixels in either; background: 1 of 3.
    expect(value(meanIou.compute?.(tf, yTrue, yPred) as tfjs.Tensor)).toBeCloseTo(1 / 3, 5);
  });

  it('the segmentation evaluation gives the same IoU per class as the definition', () => {
    const evaluator = segmentationEvaluator({
      split: 'test',
      featureShape: [2, 2, 1],
      labelSize: 4,
      classes: ['background', 'a', 'b'],
      outputUnits: 3,
      samples: 4,
      maxPoints: 10,
    });
    const truth = [0, 1, 2, 2];
    const guess = [0, 1, 1, 2];
    const predictions = Float32Array.from(guess.flatMap((g) => [0, 1, 2].map((c) => (c === g ? 0.8 : 0.1))));
    evaluator.add({ features: new Float32Array(4), labels: Float32Array.from(truth), size: 1 }, predictions);
    const result = evaluator.result();
    expect(result.perClass.map((p) => p.iou)).toEqual([1, 0.5, 0.5]);
    expect(result.meanIou).toBeCloseTo(referenceMeanIou(truth, guess, 3), 10);
    expect(result.pixelAccuracy).toBe(0.75);
  });

  it('Dice loss is 0 for a perfect mask and near 1 for a disjoint one; PSNR matches its definition', () => {
    const mask = tf.tensor4d([1, 0, 0, 1], [1, 2, 2, 1]);
    const other = tf.tensor4d([0, 1, 1, 0], [1, 2, 2, 1]);
    expect(value(dice.compute?.(tf, mask, mask) as tfjs.Tensor)).toBeCloseTo(0, 5);
    expect(value(dice.compute?.(tf, mask, other) as tfjs.Tensor)).toBeGreaterThan(0.75);
    const target = [0.1, 0.5, 0.9, 0.3];
    const output = [0.2, 0.4, 0.7, 0.3];
    const got = value(tf.mean(psnr.compute?.(tf, tf.tensor4d(target, [1, 2, 2, 1]), tf.tensor4d(output, [1, 2, 2, 1])) as tfjs.Tensor));
    expect(got).toBeCloseTo(imagePsnr(target, output), 4);
    expect(got).toBeCloseTo(-10 * Math.log10((0.01 + 0.01 + 0.04) / 4), 4);
  });
});

describe('templates that were untrainable now train on built-in sets', () => {
  it('the small U-Net learns the shapes masks in one epoch and reports IoU per class', async () => {
    const source = inMemoryBatchSource(shapesSegmentation({ samples: 120, seed: 4 }));
    const prepared = prepareModel(tf, templateGraph('unet-small') as GraphDoc, source, { epochs: 1, batchSize: 16, seed: 3 });
    if (!prepared.ok) throw new Error(prepared.problem);
    expect(prepared.config.loss).toBe('categoricalCrossentropy');
    const outcome = await trainFromSource(tf, prepared.model, source, { config: prepared.config });
    expect(outcome.epochs).toHaveLength(1);
    expect(Number.isFinite(outcome.epochs[0]?.metrics.loss)).toBe(true);
    expect(Object.keys(outcome.epochs[0]?.metrics ?? {})).toContain('meanIou');
    const evaluation = await evaluateModel(tf, prepared.model, source);
    expect(evaluation?.kind).toBe('segmentation');
    if (evaluation?.kind !== 'segmentation') return;
    expect(evaluation.perClass.map((p) => p.label)).toEqual(['background', 'circle', 'square', 'triangle']);
    // After one epoch the background is found; that is what "it trains" means here.
    expect(evaluation.perClass[0]?.iou).toBeGreaterThan(0.5);
    expect(evaluation.samples[0]?.predicted).toHaveLength(32 * 32);
    disposeModel(prepared.model);
  }, 120_000);

  it('the autoencoder rebuilds digits and reports PSNR', async () => {
    const digits = (await loadBuiltinDataset('digits-rebuild')) as InMemoryDataset;
    expect(digits.task).toBe('reconstruction');
    expect(digits.labelSize).toBe(784);
    expect(digits.labels === digits.features).toBe(false);
    for (const at of [0, 12_345, 784 * 5000 + 400]) expect(digits.labels[at]).toBe(digits.features[at]);
    const source = inMemoryBatchSource(subset(digits, 10));
    const prepared = prepareModel(tf, templateGraph('autoencoder') as GraphDoc, source, { epochs: 1, batchSize: 32, seed: 3 });
    if (!prepared.ok) throw new Error(prepared.problem);
    const outcome = await trainFromSource(tf, prepared.model, source, { config: prepared.config });
    expect(outcome.epochs[0]?.metrics.loss).toBeLessThan(0.2);
    const evaluation = await evaluateModel(tf, prepared.model, source);
    expect(evaluation?.kind).toBe('reconstruction');
    if (evaluation?.kind !== 'reconstruction') return;
    expect(evaluation.count).toBe(source.count('test'));
    expect(evaluation.psnr).toBeGreaterThan(8);
    expect(evaluation.samples[0]?.output).toHaveLength(784);
    disposeModel(prepared.model);
  }, 120_000);

  it('the split of the shapes set keeps test pictures apart', () => {
    const set = shapesSegmentation();
    const counts = [0, 0, 0];
    for (const s of set.split) counts[s] = (counts[s] as number) + 1;
    expect(counts[SPLIT.test]).toBeGreaterThan(60);
  });
});
