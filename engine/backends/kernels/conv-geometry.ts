import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import type { Tf } from './composed-kernel';

/** `[before, after]` amounts per axis; a negative amount removes that many elements instead of adding. */
export type PadOrCrop = [number, number][];

/** A stride or dilation given once for both spatial axes or per axis, as TF.js kernel attrs allow. */
export function pair(value: number | [number, number] | number[] | null | undefined, fallback = 1): [number, number] {
  if (value == null) return [fallback, fallback];
  if (typeof value === 'number') return [value, value];
  return [value[0] ?? fallback, value[1] ?? value[0] ?? fallback];
}

/**
 * Pads with zeros where an amount is positive and slices where it is negative, so callers can state
 * "the window must span exactly these rows" without caring whether the forward pass padded them, or
 * left rows over that no output read.
 */
export function padOrCrop<T extends Tensor>(tf: Tf, x: T, amounts: PadOrCrop): T {
  const grow = amounts.map(([before, after]) => [Math.max(0, before), Math.max(0, after)] as [number, number]);
  const padded = grow.some(([b, a]) => b > 0 || a > 0) ? tf.pad(x, grow) : x;
  if (amounts.every(([b, a]) => b >= 0 && a >= 0)) return padded;
  const begin = amounts.map(([before]) => Math.max(0, -before));
  const size = amounts.map(([before, after], axis) => padded.shape[axis]! - Math.max(0, -before) - Math.max(0, -after));
  return tf.slice(padded, begin, size);
}

/**
 * Spreads an NHWC tensor's rows `sh` apart and its columns `sw` apart with zeros between them
 * (`y[n, i*sh, j*sw, c] = x[n, i, j, c]`), the input a stride-1 convolution needs to undo a strided
 * one. The result keeps the `sh-1` / `sw-1` trailing zeros: `[n, h*sh, w*sw, c]`.
 */
export function spreadWithZeros(tf: Tf, x: Tensor4D, sh: number, sw: number): Tensor4D {
  if (sh === 1 && sw === 1) return x;
  const [n, h, w, c] = x.shape;
  const gaps = tf.pad(tf.reshape(x, [n, h, 1, w, 1, c]), [
    [0, 0],
    [0, 0],
    [0, sh - 1],
    [0, 0],
    [0, sw - 1],
    [0, 0],
  ]);
  return tf.reshape(gaps, [n, h * sh, w * sw, c]);
}

/** Where a forward convolution's filter sat over its input, per spatial axis (as `computeConv2DInfo` reports it). */
export interface ConvPlacement {
  /** Input height and width. */
  h: number;
  w: number;
  fh: number;
  fw: number;
  sh: number;
  sw: number;
  dh: number;
  dw: number;
  /** Zeros the forward pass added above and left of the input. */
  top: number;
  left: number;
}

/**
 * The input gradient of a convolution is a stride-1 correlation of `dy` with the spatially flipped
 * filter (same dilation), once `dy` is spread by the strides and padded by `(fh−1)·dh − top` above
 * (`(fw−1)·dw − left` on the left) and up to `h + (fh−1)·dh` rows in all (likewise columns). This
 * returns that padded NHWC tensor; a 'valid' correlation over it yields exactly `h × w` positions.
 */
export function inputGradientWindow(tf: Tf, dy: Tensor4D, p: ConvPlacement): Tensor4D {
  const [, oh, ow] = dy.shape;
  const spread = spreadWithZeros(tf, dy, p.sh, p.sw);
  const top = (p.fh - 1) * p.dh - p.top;
  const left = (p.fw - 1) * p.dw - p.left;
  return padOrCrop(tf, spread, [
    [0, 0],
    [top, p.h + (p.fh - 1) * p.dh - top - oh * p.sh],
    [left, p.w + (p.fw - 1) * p.dw - left - ow * p.sw],
    [0, 0],
  ]);
}
