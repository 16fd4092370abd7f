import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../engine/data/random';
import { boxOverlap, type Corners, NUMBERS, tensorArithmetic } from '../../../engine/tasks/box-geometry';
import { detection } from '../../../engine/tasks/detection';
import { boxesToLabel, boxIou } from '../../../engine/tasks/detection-boxes';
import { decodeGrid } from '../../../engine/tasks/detection-decode';
import { encodeGridTarget } from '../../../engine/tasks/detection-grid';
import { centroidFocal, centroidFocalGiou } from '../../../engine/tasks/losses/detection';
import type { AnyLossSpec } from '../../../engine/tasks/losses/spec';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const corners = (x0: number, y0: number, x1: number, y1: number): Corners<number> => ({ x0, y0, x1, y1 });

describe('GIoU of two boxes, worked out by hand', () => {
  it.each([
    { name: 'the same box', a: corners(0, 0, 1, 1), b: corners(0, 0, 1, 1), iou: 1, giou: 1 },
    // Union 2, enclosing box 3 × 1: 0 − (3 − 2) / 3.
    { name: 'side by side, apart', a: corners(0, 0, 1, 1), b: corners(2, 0, 3, 1), iou: 0, giou: -1 / 3 },
    // Union 1 + 4, enclosing box 4 × 4: 0 − (16 − 5) / 16.
    { name: 'apart on the diagonal', a: corners(0, 0, 1, 1), b: corners(2, 2, 4, 4), iou: 0, giou: -11 / 16 },
    // The inner box is the intersection, the outer one the union and the enclosing box: 4 / 16.
    { name: 'one inside the other', a: corners(0, 0, 4, 4), b: corners(1, 1, 3, 3), iou: 0.25, giou: 0.25 },
    // Intersection 1, union 4 + 4 − 1, enclosing box 3 × 3: 1/7 − 2/9.
    { name: 'overlapping corners', a: corners(0, 0, 2, 2), b: corners(1, 1, 3, 3), iou: 1 / 7, giou: 1 / 7 - 2 / 9 },
    // An empty box far from nothing: no overlap and no area to enclose, 0 rather than NaN.
    { name: 'two empty boxes', a: corners(1, 1, 1, 1), b: corners(1, 1, 1, 1), iou: 0, giou: 0 },
  ])('$name: the same on numbers and on tensors', ({ a, b, iou, giou }) => {
    const plain = boxOverlap(NUMBERS, a, b);
    expect(plain.iou).toBeCloseTo(iou, 10);
    expect(plain.giou).toBeCloseTo(giou, 10);
    const [tensorIou, tensorGiou] = tf.tidy(() => {
      const asTensors = (c: Corners<number>) => ({ x0: tf.scalar(c.x0), y0: tf.scalar(c.y0), x1: tf.scalar(c.x1), y1: tf.scalar(c.y1) });
      const overlap = boxOverlap(tensorArithmetic(tf), asTensors(a), asTensors(b));
      return [overlap.iou.dataSync()[0], overlap.giou.dataSync()[0]];
    });
    expect(tensorIou).toBeCloseTo(iou, 6);
    expect(tensorGiou).toBeCloseTo(giou, 6);
    expect(
      boxIou({ x: a.x0, y: a.y0, width: a.x1 - a.x0, height: a.y1 - a.y0 }, { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 }),
    ).toBeCloseTo(iou, 10);
  });
});

// A 16×16 image: a 4×4 grid of one class. The box's centre (0.5, 0.45) is in cell (col 2, row 1),
// at offset (0, 0.8) in it.
const ROWS = 4;
const COLS = 4;
const CHANNELS = 5;
const TRUE_BOX = { classIndex: 0, x: 0.3, y: 0.2, width: 0.4, height: 0.5 };
const CENTRE = (1 * COLS + 2) * CHANNELS;

/** The penalty-reduced focal loss of centre-point detectors, written out cell by cell. */
function handFocal(target: Float32Array, prediction: Float32Array): number {
  let sum = 0;
  for (let cell = 0; cell < ROWS * COLS; cell++) {
    const heat = target[cell * CHANNELS] as number;
    const p = Math.min(1 - 1e-4, Math.max(1e-4, prediction[cell * CHANNELS] as number));
    sum += heat >= 0.999 ? -((1 - p) ** 2) * Math.log(p) : -((1 - heat) ** 4) * p ** 2 * Math.log(1 - p);
  }
  return sum;
}

/** A prediction: low scores with some noise, a high one at the true centre, box numbers of our choice there. */
function predictionWith(box: [number, number, number, number], seed = 3): Float32Array {
  const random = seededRandom(seed);
  const prediction = Float32Array.from({ length: ROWS * COLS * CHANNELS }, (_, i) =>
    i % CHANNELS === 0 ? 0.01 + 0.03 * random() : random(),
  );
  prediction[CENTRE] = 0.8;
  prediction.set(box, CENTRE + 1);
  return prediction;
}

/** A loss's value per image, for grids of `images` images one after the other. */
function lossOf(loss: AnyLossSpec, target: Float32Array, prediction: Float32Array, images = 1): number[] {
  const compute = loss.compute;
  if (!compute) throw new Error(`${loss.id} is computed by TF.js`);
  const shape: [number, number, number, number] = [images, ROWS, COLS, CHANNELS];
  return tf.tidy(() => Array.from(compute(tf, tf.tensor4d(target, shape), tf.tensor4d(prediction, shape)).dataSync()));
}

describe('the detector loss with GIoU on boxes', () => {
  const target = encodeGridTarget(boxesToLabel([TRUE_BOX]), ROWS, COLS, 1);

  it('is the focal part plus 1 − GIoU of the box the decoder reads from the centre cell', () => {
    const prediction = predictionWith([0.4, 0.6, 0.3, 0.6]);
    // Decoded: centre ((2 + 0.4) / 4, (1 + 0.6) / 4) = (0.6, 0.4), size 0.3 × 0.6, so x 0.45–0.75 and
    // y 0.1–0.7 against the true x 0.3–0.7, y 0.2–0.7: intersection 0.25 × 0.5, union 0.18 + 0.2 −
    // 0.125, enclosing box 0.45 × 0.6.
    const giou = 0.125 / 0.255 - (0.27 - 0.255) / 0.27;
    const [seen] = decodeGrid(tf, prediction, ROWS, COLS);
    expect(seen).toMatchObject({ classIndex: 0, score: expect.closeTo(0.8, 6) });
    expect(seen?.x).toBeCloseTo(0.45, 6);
    expect(seen?.y).toBeCloseTo(0.1, 6);
    expect(seen?.width).toBeCloseTo(0.3, 6);
    expect(seen?.height).toBeCloseTo(0.6, 6);
    const [loss] = lossOf(centroidFocalGiou, target, prediction);
    expect(loss).toBeCloseTo(handFocal(target, prediction) + (1 - giou), 5);
  });

  it('leaves the L1 loss as it was: the same focal part plus the weighted L1 at the centre', () => {
    const prediction = predictionWith([0.4, 0.6, 0.3, 0.6]);
    const l1 = Math.abs(0 - 0.4) + Math.abs(0.8 - 0.6) + 5 * Math.abs(0.4 - 0.3) + 5 * Math.abs(0.5 - 0.6);
    expect(lossOf(centroidFocal, target, prediction)[0]).toBeCloseTo(handFocal(target, prediction) + l1, 5);
  });

  it('is the focal part alone at the true box, and grows as the box shrinks away from it', () => {
    expect(lossOf(centroidFocalGiou, target, predictionWith([0, 0.8, 0.4, 0.5]))[0]).toBeCloseTo(
      handFocal(target, predictionWith([0, 0.8, 0.4, 0.5])),
      5,
    );
    const far = lossOf(centroidFocalGiou, target, predictionWith([0, 0.8, 0.01, 0.01]))[0] as number;
    const near = lossOf(centroidFocalGiou, target, predictionWith([0, 0.8, 0.3, 0.4]))[0] as number;
    expect(far).toBeGreaterThan(near);
  });

  it('is finite for an image without objects and for boxes of no size, and averages over objects', () => {
    const empty = new Float32Array(target.length);
    const zeroSize = predictionWith([0.5, 0.5, 0, 0]);
    const [withObject, withoutObject] = lossOf(
      centroidFocalGiou,
      Float32Array.from([...target, ...empty]),
      Float32Array.from([...zeroSize, ...zeroSize]),
      2,
    ) as [number, number];
    expect(Number.isFinite(withObject)).toBe(true);
    expect(Number.isFinite(withoutObject)).toBe(true);
    expect(withoutObject).toBeCloseTo(handFocal(empty, zeroSize), 5);
    // A point inside the true box: no overlap, and the enclosing box is the true one, so GIoU is 0.
    expect(withObject).toBeCloseTo(handFocal(target, zeroSize) + 1, 5);
    // Two objects, the second (centre in cell col 0, row 3) predicted exactly: the focal part and the
    // first one's box term, over 2.
    const two = encodeGridTarget(boxesToLabel([TRUE_BOX, { classIndex: 0, x: 0, y: 0.6, width: 0.2, height: 0.3 }]), ROWS, COLS, 1);
    const prediction = predictionWith([0.4, 0.6, 0.3, 0.6]);
    prediction.set([0.9, 0.4, 0, 0.2, 0.3], (3 * COLS + 0) * CHANNELS);
    const giou = 0.125 / 0.255 - (0.27 - 0.255) / 0.27;
    expect(lossOf(centroidFocalGiou, two, prediction)[0]).toBeCloseTo((handFocal(two, prediction) + (1 - giou)) / 2, 5);
  });

  it('has finite gradients, boxes of no size and empty images included, and training steps lower it', () => {
    const empty = new Float32Array(target.length);
    const yTrue = tf.tensor4d(Float32Array.from([...target, ...empty]), [2, ROWS, COLS, CHANNELS]);
    const start = Float32Array.from([...predictionWith([0.5, 0.5, 0, 0]), ...predictionWith([0.5, 0.5, 0, 0], 4)]);
    const raw = tf.variable(tf.tensor4d(start, [2, ROWS, COLS, CHANNELS]));
    const zeroSize = () => tf.mean(centroidFocalGiou.compute?.(tf, yTrue, raw) as tf.Tensor) as tf.Scalar;
    const direct = tf.variableGrads(zeroSize, [raw]);
    expect(Array.from((direct.grads[raw.name] as tf.Tensor).dataSync()).every(Number.isFinite)).toBe(true);
    // Through a sigmoid, as a detector's head predicts.
    const logits = tf.variable(
      tf.tensor4d(
        Float32Array.from(start, (v) => Math.log(Math.max(v, 1e-3) / (1 - Math.min(v, 0.999)))),
        [2, ROWS, COLS, CHANNELS],
      ),
    );
    const loss = () => tf.mean(centroidFocalGiou.compute?.(tf, yTrue, tf.sigmoid(logits)) as tf.Tensor) as tf.Scalar;
    const { value, grads } = tf.variableGrads(loss, [logits]);
    expect(Array.from((grads[logits.name] as tf.Tensor).dataSync()).every(Number.isFinite)).toBe(true);
    const before = value.dataSync()[0] as number;
    const optimizer = tf.train.adam(0.1);
    for (let step = 0; step < 30; step++) optimizer.minimize(loss);
    expect(loss().dataSync()[0]).toBeLessThan(before - 0.2);
    optimizer.dispose();
    tf.dispose([yTrue, raw, logits, value, ...Object.values(direct.grads), direct.value, ...Object.values(grads)]);
  });

  it('is offered by the detection task beside the L1 loss', () => {
    expect(detection.losses.map((l) => l.id)).toEqual(['centroidFocal', 'centroidFocalGiou']);
    const facts = { featureShape: [16, 16, 1], labelSize: 80, classes: ['thing'], outputUnits: 5 };
    expect(detection.chooseLoss('centroidFocalGiou', facts)).toBeNull();
    expect(detection.chooseLoss('centroidFocal', facts)).toBeNull();
    expect(detection.chooseLoss('dice', facts)).toEqual({ loss: 'centroidFocal', metrics: ['centreRecall'] });
  });
});
