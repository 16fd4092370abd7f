import type { LayerIssue } from '../../diagnostics';
import type { Shape } from '../../shape';
import { convOutputLength, deconvLength } from '../common';

/**
 * Shape rules shared by every layer that works on data laid out along 1 to 3 spatial axes plus a
 * channel axis: convolutions, pooling, padding, cropping and upsampling.
 */

export type DataFormat = 'channelsLast' | 'channelsFirst';
export type SpatialRank = 1 | 2 | 3;

/** What users call 1-, 2- and 3-d data, and its axes in channels-last order, for messages. */
const KINDS: Record<SpatialRank, { noun: string; axes: string[] }> = {
  1: { noun: 'sequences', axes: ['steps', 'channels'] },
  2: { noun: 'images', axes: ['height', 'width', 'channels'] },
  3: { noun: 'volumes', axes: ['depth', 'height', 'width', 'channels'] },
};

/** Index of the channel axis and of each spatial axis in a batch-first shape. */
export function spatialLayout(n: SpatialRank, dataFormat: DataFormat = 'channelsLast'): { channelAxis: number; spatialAxes: number[] } {
  const first = dataFormat === 'channelsFirst';
  return {
    channelAxis: first ? 1 : n + 1,
    spatialAxes: Array.from({ length: n }, (_, i) => (first ? i + 2 : i + 1)),
  };
}

/** `(height, width, channels)` or, channels first, `(channels, height, width)`. */
export function axesText(n: SpatialRank, dataFormat: DataFormat = 'channelsLast'): string {
  const axes = KINDS[n].axes;
  const ordered = dataFormat === 'channelsFirst' ? ['channels', ...axes.slice(0, -1)] : axes;
  return `(${ordered.join(', ')})`;
}

/**
 * Issue when a tensor is not `n`-d spatial data with channels (rank `n + 2` with the batch), e.g.
 * "Conv2D needs images (height, width, channels), but gets 1 axis per sample".
 */
export function expectSpatial(shape: Shape, n: SpatialRank, label: string, dataFormat: DataFormat = 'channelsLast'): LayerIssue | null {
  if (shape.length === n + 2) return null;
  const got = Math.max(shape.length - 1, 0);
  const axes = axesText(n, dataFormat);
  return {
    code: 'rank_mismatch',
    port: 0,
    message: `${label} needs ${KINDS[n].noun} ${axes}, but gets ${got} ${got === 1 ? 'axis' : 'axes'} per sample.`,
    hint:
      shape.length < n + 2
        ? `Add a Reshape layer before it that gives each sample the shape ${axes}${n === 2 ? ', e.g. (28, 28, 1) for grey pictures' : ''}.`
        : `Add a Reshape layer before it that folds the extra axes into ${axes}, or pick the ${n + 1}D version of the layer.`,
  };
}

/** A copy of `shape` with each known spatial size replaced by `resize(size, i)`; unknown sizes stay unknown. */
export function mapSpatial(
  shape: Shape,
  n: SpatialRank,
  dataFormat: DataFormat | undefined,
  resize: (size: number, axis: number) => number | null,
): Shape {
  const out = [...shape];
  for (const [i, axis] of spatialLayout(n, dataFormat).spatialAxes.entries()) {
    const size = shape[axis];
    out[axis] = size === null || size === undefined ? null : resize(size, i);
  }
  return out;
}

/** How a window slides over the spatial axes (convolution kernels and pooling windows alike). */
export interface Window {
  size: readonly number[];
  strides: readonly number[];
  padding: string;
  dilation?: readonly number[];
  dataFormat?: DataFormat;
  /** Transposed convolutions grow the input instead of sliding over it. */
  transposed?: boolean;
}

/**
 * The spatial sizes after sliding a window, by TF.js's rule. TF.js sizes `causal` padding like
 * `valid` (Keras keeps the length), so we do too: the shapes must match the model TF.js builds.
 */
export function slideWindow(shape: Shape, n: SpatialRank, w: Window): Shape {
  const padding = w.padding === 'causal' ? 'valid' : w.padding;
  return mapSpatial(shape, n, w.dataFormat, (size, i) =>
    w.transposed
      ? deconvLength(size, w.strides[i] ?? 1, w.size[i] ?? 1, padding)
      : convOutputLength(size, w.size[i] ?? 1, padding, w.strides[i] ?? 1, w.dilation?.[i] ?? 1),
  );
}

/** Number of positions along the spatial axes (0 while one of them is unknown), for FLOP estimates. */
export function spatialVolume(shape: Shape | undefined, n: SpatialRank, dataFormat?: DataFormat): number {
  if (!shape) return 0;
  return spatialLayout(n, dataFormat).spatialAxes.reduce((v, axis) => v * (shape[axis] ?? 0), 1);
}

/** The channel count of spatial data, or `null` when unknown. */
export function channelsOf(shape: Shape | undefined, n: SpatialRank, dataFormat?: DataFormat): number | null {
  return shape?.[spatialLayout(n, dataFormat).channelAxis] ?? null;
}

/** Product of a window's sizes, e.g. 9 for a 3×3 kernel. */
export function windowVolume(size: readonly number[]): number {
  return size.reduce((v, s) => v * s, 1);
}
