import type { LayerOutput } from './layer-outputs';

/** One channel of a convolution's output as a picture: `height × width` values, row by row. */
export interface FeatureMap {
  channel: number;
  height: number;
  width: number;
  values: Float32Array;
  min: number;
  max: number;
}

/**
 * Splits a layer's `[height, width, channels]` output (channels last, as TF.js keeps it) into one
 * map per channel — per filter, for a convolution. A rank-2 output `[steps, channels]` (a 1-D
 * convolution) becomes maps one row high. Anything else has no maps: an empty list.
 */
export function featureMaps(output: Pick<LayerOutput, 'shape' | 'values'>): FeatureMap[] {
  const { shape, values } = output;
  const dims = shape.length === 3 ? shape : shape.length === 2 ? [1, shape[0] ?? 0, shape[1] ?? 0] : null;
  if (!dims) return [];
  const [height, width, channels] = dims as [number, number, number];
  const maps: FeatureMap[] = [];
  for (let c = 0; c < channels; c++) {
    const map = new Float32Array(height * width);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < map.length; p++) {
      const v = values[p * channels + c] as number;
      map[p] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    maps.push({ channel: c, height, width, values: map, min: map.length ? min : 0, max: map.length ? max : 0 });
  }
  return maps;
}

/** Whether a layer's output is drawn as feature maps (spatial) rather than as bars (a vector). */
export function isSpatial(shape: number[]): boolean {
  return shape.length === 3 || (shape.length === 2 && (shape[0] ?? 0) > 1);
}
