import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/spec';

/** The area of a 2-D dataset the grid covers. */
export interface Bounds {
  x: [number, number];
  y: [number, number];
}

/** A model's answer over a square grid of a 2-D input: the winning class and its probability per cell. */
export interface DecisionGrid {
  size: number;
  bounds: Bounds;
  /** Row by row from the top (largest y) down: the predicted class of each cell. */
  classes: Uint8Array;
  /** The predicted class's probability, 0–1, per cell. */
  confidence: Float32Array;
}

/**
 * The bounds of a set of 2-D points, widened by a margin on every side so that the points do not
 * sit on the picture's edge.
 */
export function boundsOf(features: ArrayLike<number>, margin = 0.1): Bounds {
  const b: Bounds = { x: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], y: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY] };
  for (let i = 0; i + 1 < features.length; i += 2) {
    const x = features[i] as number;
    const y = features[i + 1] as number;
    b.x = [Math.min(b.x[0], x), Math.max(b.x[1], x)];
    b.y = [Math.min(b.y[0], y), Math.max(b.y[1], y)];
  }
  if (b.x[0] > b.x[1]) return { x: [-1, 1], y: [-1, 1] };
  const pad = (r: [number, number]): [number, number] => {
    const m = (r[1] - r[0] || 1) * margin;
    return [r[0] - m, r[1] + m];
  };
  return { x: pad(b.x), y: pad(b.y) };
}

/**
 * Predicts every cell centre of a `size × size` grid over `bounds` in one batch (48 × 48 = 2,304
 * points is one small forward pass, cheap enough to run after every epoch). A model with one
 * output unit (a sigmoid) is read as two classes split at 0.5.
 */
export function decisionGrid(tf: Tf, model: tfjs.LayersModel, bounds: Bounds, size = 48): DecisionGrid {
  const points = new Float32Array(size * size * 2);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const k = (row * size + col) * 2;
      points[k] = bounds.x[0] + ((col + 0.5) / size) * (bounds.x[1] - bounds.x[0]);
      points[k + 1] = bounds.y[1] - ((row + 0.5) / size) * (bounds.y[1] - bounds.y[0]);
    }
  }
  const scores = tf.tidy(() => model.predict(tf.tensor2d(points, [size * size, 2])) as tfjs.Tensor);
  const values = scores.dataSync();
  const units = scores.shape[1] ?? 1;
  scores.dispose();
  const classes = new Uint8Array(size * size);
  const confidence = new Float32Array(size * size);
  for (let i = 0; i < size * size; i++) {
    if (units === 1) {
      const p = values[i] as number;
      classes[i] = p >= 0.5 ? 1 : 0;
      confidence[i] = p >= 0.5 ? p : 1 - p;
      continue;
    }
    let best = 0;
    for (let u = 1; u < units; u++) if ((values[i * units + u] as number) > (values[i * units + best] as number)) best = u;
    classes[i] = best;
    confidence[i] = values[i * units + best] as number;
  }
  return { size, bounds, classes, confidence };
}
