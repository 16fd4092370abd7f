import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/spec';
import type { PythonFunction } from './python-function';

/**
 * The arithmetic box geometry needs, over plain numbers or TF.js tensors alike: each formula below is
 * written once and serves both the decoder and mAP matching (numbers) and the detector's loss
 * (tensors, differentiable).
 */
export interface Arithmetic<T> {
  add(a: T | number, b: T | number): T;
  sub(a: T | number, b: T | number): T;
  mul(a: T | number, b: T | number): T;
  div(a: T | number, b: T | number): T;
  min(a: T | number, b: T | number): T;
  max(a: T | number, b: T | number): T;
}

/** Plain JavaScript numbers. */
export const NUMBERS: Arithmetic<number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  min: Math.min,
  max: Math.max,
};

/** Element-wise TF.js ops, broadcasting as TF.js does. */
export function tensorArithmetic(tf: Tf): Arithmetic<tfjs.Tensor> {
  return { add: tf.add, sub: tf.sub, mul: tf.mul, div: tf.div, min: tf.minimum, max: tf.maximum };
}

/** A box by its corners: left, top, right, bottom (x0 ≤ x1 and y0 ≤ y1 unless a prediction is absurd). */
export interface Corners<T> {
  x0: T;
  y0: T;
  x1: T;
  y1: T;
}

/** A cell of a centroid grid and the four box numbers it holds (see `detection-grid.ts`). */
export interface CellBoxNumbers<T> {
  col: T | number;
  row: T | number;
  cols: number;
  rows: number;
  offsetX: T | number;
  offsetY: T | number;
  width: T | number;
  height: T | number;
}

/**
 * The box a grid cell describes, in fractions of the image and clipped to it: its centre is the
 * cell's corner plus the offset, in cells; its size is already a fraction of the image.
 */
export function cellBox<T>(ar: Arithmetic<T>, cell: CellBoxNumbers<T>): Corners<T> {
  const cx = ar.div(ar.add(cell.col, cell.offsetX), cell.cols);
  const cy = ar.div(ar.add(cell.row, cell.offsetY), cell.rows);
  const halfW = ar.div(cell.width, 2);
  const halfH = ar.div(cell.height, 2);
  return {
    x0: ar.max(0, ar.sub(cx, halfW)),
    y0: ar.max(0, ar.sub(cy, halfH)),
    x1: ar.min(1, ar.add(cx, halfW)),
    y1: ar.min(1, ar.add(cy, halfH)),
  };
}

/**
 * Below this an area counts as none. It keeps 0/0 (two empty boxes) at 0 rather than NaN, which
 * matters for the loss: every grid cell is computed, and a NaN would survive the mask that keeps
 * only centre cells (NaN × 0 is NaN), in the value and in the gradient.
 */
export const NO_AREA = 1e-9;

/** Area of a box, none for one whose corners are the wrong way round. */
function area<T>(ar: Arithmetic<T>, box: Corners<T>): T {
  return ar.mul(ar.max(0, ar.sub(box.x1, box.x0)), ar.max(0, ar.sub(box.y1, box.y0)));
}

/** How two boxes overlap: intersection over union, and the generalised IoU. */
export interface BoxOverlap<T> {
  /** Intersection over union: 1 for the same box, 0 for boxes that do not touch. */
  iou: T;
  /**
   * Generalised IoU (Rezatofighi et al. 2019): IoU minus the share of the smallest box enclosing both
   * that neither covers. From −1 (far apart) to 1 (the same box); unlike IoU it still says how far
   * apart boxes that do not touch are, so a loss of 1 − GIoU has a gradient there.
   */
  giou: T;
}

/** IoU and GIoU of two boxes given by their corners (any units, as long as both use the same). */
export function boxOverlap<T>(ar: Arithmetic<T>, a: Corners<T>, b: Corners<T>): BoxOverlap<T> {
  const inter = area(ar, {
    x0: ar.max(a.x0, b.x0),
    y0: ar.max(a.y0, b.y0),
    x1: ar.min(a.x1, b.x1),
    y1: ar.min(a.y1, b.y1),
  });
  const union = ar.max(NO_AREA, ar.sub(ar.add(area(ar, a), area(ar, b)), inter));
  const enclosing = ar.max(
    NO_AREA,
    area(ar, {
      x0: ar.min(a.x0, b.x0),
      y0: ar.min(a.y0, b.y0),
      x1: ar.max(a.x1, b.x1),
      y1: ar.max(a.y1, b.y1),
    }),
  );
  const iou = ar.div(inter, union);
  return { iou, giou: ar.sub(iou, ar.div(ar.sub(enclosing, union), enclosing)) };
}

/** {@link boxOverlap}'s GIoU in Keras Python, for boxes as (x0, y0, x1, y1) tuples of tensors. */
export const boxGiouPython: PythonFunction = {
  name: '_box_giou',
  source: `def _box_giou(a, b):
    """Generalised IoU of two boxes given by their corners: from -1 (far apart) to 1 (the same box)."""

    def area(x0, y0, x1, y1):
        return ops.maximum(0.0, x1 - x0) * ops.maximum(0.0, y1 - y0)

    inter = area(ops.maximum(a[0], b[0]), ops.maximum(a[1], b[1]), ops.minimum(a[2], b[2]), ops.minimum(a[3], b[3]))
    # A floor on the areas keeps two empty boxes at 0 rather than NaN, which the centre mask would not hide.
    union = ops.maximum(${NO_AREA}, area(*a) + area(*b) - inter)
    enclosing = ops.maximum(
        ${NO_AREA}, area(ops.minimum(a[0], b[0]), ops.minimum(a[1], b[1]), ops.maximum(a[2], b[2]), ops.maximum(a[3], b[3]))
    )
    return inter / union - (enclosing - union) / enclosing`,
};
