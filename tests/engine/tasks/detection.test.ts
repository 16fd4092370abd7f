import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '../../../engine/backends/node-tf';
import { augmentBatch, NO_AUGMENTATION } from '../../../engine/data/augment';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import { seededRandom } from '../../../engine/data/random';
import { shapesDetection } from '../../../engine/data/shapes-boxes';
import { type Box, boxesToLabel, boxIou, labelToBoxes, type ScoredBox } from '../../../engine/tasks/detection-boxes';
import { decodeGrid } from '../../../engine/tasks/detection-decode';
import { detectionEvaluator } from '../../../engine/tasks/detection-evaluation';
import { encodeGridTarget, gridSize } from '../../../engine/tasks/detection-grid';
import { classAp, matchDetections, meanOfKnown } from '../../../engine/tasks/detection-map';
import { centroidFocal } from '../../../engine/tasks/losses/detection';
import { taskSpec } from '../../../engine/tasks/registry';
import { templateGraph } from '../../../engine/templates';
import { runJob } from '../../../engine/train/run-job';

let tf: typeof tfjs;
beforeAll(async () => {
  tf = await nodeTf();
});

const box = (classIndex: number, x: number, y: number, width: number, height: number): Box => ({ classIndex, x, y, width, height });
const scored = (b: Box, score: number): ScoredBox => ({ ...b, score });

/** AP of one class over images of [truths, detections], matched per image as COCO does. */
function apOf(images: [Box[], ScoredBox[]][]) {
  const found = images.flatMap(([truths, detections]) => matchDetections(truths, detections));
  return classAp(
    found,
    images.reduce((n, [truths]) => n + truths.length, 0),
  );
}

describe('mAP agrees with values worked out by hand', () => {
  const a = box(0, 0, 0, 0.5, 0.5);
  const b = box(0, 0.5, 0.5, 0.4, 0.4);
  // Each row: the case, its images, AP@0.5 and AP@0.5:0.95 computed by hand (101-point interpolation).
  const table: [string, [Box[], ScoredBox[]][], number | null, number | null][] = [
    [
      'every object found exactly',
      [
        [
          [a, b],
          [scored(a, 0.9), scored(b, 0.8)],
        ],
      ],
      1,
      1,
    ],
    ['nothing found', [[[a], []]], 0, 0],
    // Precision 1, ½, ⅔ at recall ½, ½, 1: 51 levels at 1 and 50 at ⅔ → (51 + 100/3) / 101.
    [
      'a false positive between two hits',
      [
        [
          [a, b],
          [scored(a, 0.9), scored(box(0, 0.9, 0, 0.1, 0.1), 0.8), scored(b, 0.7)],
        ],
      ],
      (51 + 100 / 3) / 101,
      (51 + 100 / 3) / 101,
    ],
    // IoU 0.72 (0.18 / 0.25): a hit at 0.50 … 0.70, five of the ten thresholds.
    ['a loose box', [[[a], [scored(box(0, 0, 0, 0.5, 0.36), 0.9)]]], 1, 0.5],
    // The second box on the same object is a false positive after the only hit: AP stays 1.
    ['a duplicate below the hit', [[[a], [scored(a, 0.9), scored(a, 0.8)]]], 1, 1],
    // The false positive scores highest: precision ½ at recall 1 for every level.
    ['a false positive scoring above the hit', [[[a], [scored(box(0, 0.6, 0.6, 0.3, 0.3), 0.95), scored(a, 0.5)]]], 0.5, 0.5],
    // Two images: one found, one missed → recall ½ at precision 1: 51 of 101 levels.
    [
      'one image missed',
      [
        [[a], [scored(a, 0.9)]],
        [[b], []],
      ],
      51 / 101,
      51 / 101,
    ],
    // The detection overlaps the object of the other image only: matching is per image.
    [
      'a box on the wrong image',
      [
        [[a], []],
        [[], [scored(a, 0.9)]],
      ],
      0,
      0,
    ],
    ['no objects of the class', [[[], [scored(a, 0.9)]]], null, null],
  ];
  it.each(table)('%s', (_, images, ap50, ap) => {
    const got = apOf(images);
    if (ap50 === null) expect(got.ap50).toBeNull();
    else expect(got.ap50).toBeCloseTo(ap50, 10);
    if (ap === null) expect(got.ap).toBeNull();
    else expect(got.ap).toBeCloseTo(ap, 10);
  });

  it('mAP is the mean over the classes that have objects', () => {
    expect(meanOfKnown([1, 0, null])).toBe(0.5);
    expect(boxIou(a, box(0, 0, 0, 0.5, 0.36))).toBeCloseTo(0.72, 10);
  });
});

describe('the centroid grid', () => {
  it('encodes boxes so that decoding the target gives them back, through non-maximum suppression', () => {
    const truths = [box(0, 0.1, 0.1, 0.3, 0.2), box(2, 0.55, 0.5, 0.4, 0.45), box(1, 0.05, 0.6, 0.2, 0.3)];
    const { rows, cols } = gridSize(32, 32);
    const grid = encodeGridTarget(boxesToLabel(truths), rows, cols, 3);
    const found = decodeGrid(tf, grid, rows, cols);
    expect(found).toHaveLength(3);
    for (const t of truths) {
      const match = found.find((f) => f.classIndex === t.classIndex);
      expect(match?.score).toBe(1);
      expect(boxIou(match as Box, t)).toBeGreaterThan(0.999);
    }
  });

  it('the evaluation of a perfect grid gives mAP 1, and of an empty one 0', () => {
    const set = shapesDetection({ samples: 12, seed: 3 });
    const { rows, cols } = gridSize(32, 32);
    const context = {
      split: 'test' as const,
      featureShape: [32, 32, 1],
      labelSize: set.labelSize,
      classes: set.classes as string[],
      outputUnits: 7,
      samples: 12,
      maxPoints: 100,
      tf,
    };
    const perfect = detectionEvaluator(context);
    const empty = detectionEvaluator(context);
    const grids = new Float32Array(12 * rows * cols * 7);
    for (let i = 0; i < 12; i++)
      grids.set(encodeGridTarget(set.labels.subarray(i * set.labelSize, (i + 1) * set.labelSize), rows, cols, 3), i * rows * cols * 7);
    const batch = { features: set.features, labels: set.labels, size: 12 };
    perfect.add(batch, grids);
    empty.add(batch, new Float32Array(grids.length));
    const good = perfect.result();
    expect(good.mapAt50).toBeCloseTo(1, 5);
    expect(good.mapAt50To95).toBeGreaterThan(0.99);
    expect(good.samples).toHaveLength(12);
    expect(good.perClass.reduce((n, c) => n + c.truths, 0)).toBe(labelToBoxes(set.labels).length);
    const bad = empty.result();
    expect(bad.mapAt50).toBe(0);
    expect(bad.samples[0]?.quality).toBe(0);
  });

  it('the loss is lowest at the target and grows as the boxes drift', () => {
    const { rows, cols } = gridSize(16, 16);
    const target = encodeGridTarget(boxesToLabel([box(0, 0.2, 0.2, 0.4, 0.4)]), rows, cols, 1);
    const loss = (prediction: Float32Array) =>
      tf.tidy(
        () =>
          centroidFocal
            .compute?.(tf, tf.tensor4d(target, [1, rows, cols, 5]), tf.tensor4d(prediction, [1, rows, cols, 5]))
            .dataSync()[0] as number,
      );
    const wrongSize = Float32Array.from(target, (v, i) => (i % 5 === 3 && v > 0 ? v + 0.2 : v));
    const noPeak = Float32Array.from(target, (v, i) => (i % 5 === 0 ? v * 0.3 : v));
    expect(loss(target)).toBeLessThan(0.05);
    expect(loss(wrongSize)).toBeGreaterThan(loss(target) + 0.5);
    expect(loss(noPeak)).toBeGreaterThan(loss(target) + 0.5);
  });
});

describe('augmentation moves boxes with their pictures', () => {
  it('property: for random boxes and moves, each moved box is the bounding box of its moved pixels', () => {
    const size = 32;
    const random = seededRandom(17);
    const task = taskSpec('detection');
    let checked = 0;
    for (let trial = 0; trial < 60; trial++) {
      // A filled rectangle on pixel edges, its box exactly around it.
      const x0 = Math.floor(random() * 20);
      const y0 = Math.floor(random() * 20);
      const w = 4 + Math.floor(random() * (size - x0 - 4));
      const h = 4 + Math.floor(random() * (size - y0 - 4));
      const pixels = new Float32Array(size * size);
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) pixels[y * size + x] = 1;
      const label = boxesToLabel([box(0, x0 / size, y0 / size, w / size, h / size)]);
      const config = { ...NO_AUGMENTATION, flipHorizontal: true, flipVertical: true, shift: 0.2, zoom: 0.25 };
      const moved = augmentBatch({ features: pixels, labels: label, size: 1 }, [size, size, 1], config, trial, task.moveLabels);
      const [after] = labelToBoxes(moved.labels);
      let bx0 = size;
      let by0 = size;
      let bx1 = -1;
      let by1 = -1;
      let visible = 0;
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          if ((moved.features[y * size + x] as number) < 0.5) continue;
          visible++;
          bx0 = Math.min(bx0, x);
          by0 = Math.min(by0, y);
          bx1 = Math.max(bx1, x + 1);
          by1 = Math.max(by1, y + 1);
        }
      }
      if (!after) {
        // Dropped: the picture kept little of the object.
        expect(visible).toBeLessThan(0.35 * w * h * 1.25 ** 2);
        continue;
      }
      checked++;
      expect(Math.abs(after.x * size - bx0)).toBeLessThanOrEqual(1);
      expect(Math.abs(after.y * size - by0)).toBeLessThanOrEqual(1);
      expect(Math.abs((after.x + after.width) * size - bx1)).toBeLessThanOrEqual(1);
      expect(Math.abs((after.y + after.height) * size - by1)).toBeLessThanOrEqual(1);
    }
    expect(checked).toBeGreaterThan(45);
  });
});

describe('the small detector template', () => {
  it('trains one epoch on the shapes boxes through the run driver and reports mAP', async () => {
    const source = inMemoryBatchSource(shapesDetection({ samples: 240, seed: 4 }));
    const result = await runJob(
      tf,
      templateGraph('detector-small') as never,
      { training: { epochs: 1, batchSize: 16, seed: 3 } },
      { source },
    );
    if (!result.ok) throw new Error(result.problem);
    expect(result.config.loss).toBe('centroidFocal');
    expect(result.epochs).toHaveLength(1);
    expect(Number.isFinite(result.finalMetrics.loss)).toBe(true);
    expect(Object.keys(result.finalMetrics)).toContain('centreRecall');
    expect(result.evaluation?.kind).toBe('detection');
    if (result.evaluation?.kind !== 'detection') return;
    expect(result.evaluation.classes).toEqual(['circle', 'square', 'triangle']);
    expect(result.evaluation.count).toBe(source.count('test'));
    expect(result.evaluation.mapAt50).toBeGreaterThanOrEqual(0);
  }, 120_000);
});
