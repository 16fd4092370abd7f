import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '@/engine/backends/node-tf';
import { inMemoryBatchSource } from '@/engine/data/batch-source';
import { loadBuiltinDataset } from '@/engine/data/builtins';
import { type InMemoryDataset, SPLIT, sampleCount } from '@/engine/data/dataset';
import { DIGIT_SCENE_CLASSES, type DigitScenePlan, INK_THRESHOLD, planDigitScenes } from '@/engine/data/digit-scenes';
import type { GraphDoc } from '@/engine/graph/schema';
import { templateGraph } from '@/engine/templates';
import { evaluateModel } from '@/engine/train/evaluation';
import { disposeModel, prepareModel } from '@/engine/train/prepare-model';
import { trainFromSource } from '@/engine/train/train-stream';

const SIZE = 64;

let digits: InMemoryDataset;
let scenes: InMemoryDataset;
let plans: DigitScenePlan[];
beforeAll(async () => {
  digits = (await loadBuiltinDataset('digits')) as InMemoryDataset;
  scenes = (await loadBuiltinDataset('digits-segment')) as InMemoryDataset;
  // The builtin's own plan: the same digits set and the default options.
  plans = planDigitScenes(digits);
});

/** The mask a picture must have by definition: each placed digit's ink (≥ the threshold) as its class, the rest background. */
function expectedMask(plan: DigitScenePlan): Float32Array {
  const mask = new Float32Array(SIZE * SIZE);
  for (const { row, x, y } of plan.digits) {
    for (let p = 0; p < 28 * 28; p++) {
      const value = digits.features[row * 784 + p] as number;
      if (value < INK_THRESHOLD) continue;
      const px = x + (p % 28);
      const py = y + Math.floor(p / 28);
      expect(px >= 0 && px < SIZE && py >= 0 && py < SIZE).toBe(true);
      // Digits never overlap, so no ink pixel is claimed twice.
      expect(mask[py * SIZE + px]).toBe(0);
      mask[py * SIZE + px] = (digits.labels[row] as number) + 1;
    }
  }
  return mask;
}

describe('handwritten digits, pixel by pixel', () => {
  it('holds 3,000 pictures of 64×64 with a class per pixel, split 70 / 10 / 20', () => {
    expect(sampleCount(scenes)).toBe(3000);
    expect(scenes.task).toBe('segmentation');
    expect(scenes.featureShape).toEqual([SIZE, SIZE, 1]);
    expect(scenes.labelSize).toBe(SIZE * SIZE);
    expect(scenes.classes).toEqual(['background', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(scenes.classes).toEqual([...DIGIT_SCENE_CLASSES]);
    expect(scenes.labels.every((l) => Number.isInteger(l) && l >= 0 && l <= 10)).toBe(true);
    const counts = [0, 0, 0];
    for (const s of scenes.split) counts[s] = (counts[s] as number) + 1;
    expect(counts).toEqual([2100, 300, 600]);
    expect(Array.from(scenes.split)).toEqual(plans.map((p) => p.split));
  });

  it('takes each split’s digits from the same split of the digits set, each MNIST digit at most once', () => {
    const splitOfRow = new Map<number, number>();
    const perPicture = [0, 0, 0, 0];
    for (const plan of plans) {
      expect(plan.digits.length).toBeGreaterThanOrEqual(1);
      expect(plan.digits.length).toBeLessThanOrEqual(3);
      perPicture[plan.digits.length] = (perPicture[plan.digits.length] as number) + 1;
      for (const { row } of plan.digits) {
        expect(splitOfRow.has(row), `digit ${row} used twice`).toBe(false);
        splitOfRow.set(row, plan.split);
        expect(digits.split[row]).toBe(plan.split);
      }
    }
    // Every count of digits is common, and the test pictures have their own digits.
    expect(perPicture.slice(1).every((n) => n > 800)).toBe(true);
    expect([...splitOfRow.values()].filter((s) => s === SPLIT.test).length).toBeGreaterThan(1000);
  });

  it('gives every ink pixel of a placed digit that digit’s class and every other pixel the background', () => {
    for (const i of [0, 1, 2, 17, 500, 1234, 2999]) {
      const plan = plans[i] as DigitScenePlan;
      const mask = scenes.labels.subarray(i * SIZE * SIZE, (i + 1) * SIZE * SIZE);
      const picture = scenes.features.subarray(i * SIZE * SIZE, (i + 1) * SIZE * SIZE);
      expect(Array.from(mask), `picture ${i}`).toEqual(Array.from(expectedMask(plan)));
      // The digits are copied as they are: ink in the picture is exactly the labelled pixels.
      for (let p = 0; p < mask.length; p++) expect((picture[p] as number) >= INK_THRESHOLD).toBe((mask[p] as number) > 0);
    }
  });

  it('is the same every time', () => {
    const again = planDigitScenes(digits);
    expect(again).toEqual(plans);
  });
});

describe('the Small U-Net on the digits masks', () => {
  let tf: typeof tfjs;
  beforeAll(async () => {
    tf = await nodeTf();
  });

  it('trains out of the box: output set to 11 classes, one epoch with a finite loss', async () => {
    const slice = everyNth(scenes, 50);
    const source = inMemoryBatchSource(slice);
    const prepared = prepareModel(tf, templateGraph('unet-small') as GraphDoc, source, { epochs: 1, batchSize: 16, seed: 3 });
    if (!prepared.ok) throw new Error(prepared.problem);
    expect(prepared.config.loss).toBe('categoricalCrossentropy');
    expect(prepared.model.outputs[0]?.shape).toEqual([null, SIZE, SIZE, 11]);
    const outcome = await trainFromSource(tf, prepared.model, source, { config: prepared.config });
    expect(outcome.epochs).toHaveLength(1);
    expect(Number.isFinite(outcome.epochs[0]?.metrics.loss)).toBe(true);
    const evaluation = await evaluateModel(tf, prepared.model, source);
    expect(evaluation?.kind).toBe('segmentation');
    if (evaluation?.kind !== 'segmentation') return;
    expect(evaluation.perClass.map((p) => p.label)).toEqual([...DIGIT_SCENE_CLASSES]);
    // One short epoch finds the background (95 % of the pixels); the digits take longer.
    expect(evaluation.perClass[0]?.iou).toBeGreaterThan(0.5);
    disposeModel(prepared.model);
  }, 120_000);
});

/** Every n-th sample of a set, with its split. */
function everyNth(dataset: InMemoryDataset, n: number): InMemoryDataset {
  const width = dataset.labelSize;
  const rows = Array.from({ length: Math.floor(dataset.split.length / n) }, (_, k) => k * n);
  const features = new Float32Array(rows.length * width);
  const labels = new Float32Array(rows.length * width);
  rows.forEach((row, k) => {
    features.set(dataset.features.subarray(row * width, (row + 1) * width), k * width);
    labels.set(dataset.labels.subarray(row * width, (row + 1) * width), k * width);
  });
  return { ...dataset, features, labels, split: Uint8Array.from(rows, (r) => dataset.split[r] as number) };
}
