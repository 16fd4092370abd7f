import type * as tfjs from '@tensorflow/tfjs';
import { range } from './layer-outputs';

/** Counts of values in equal bins from `min` to `max`. */
export interface Histogram {
  min: number;
  max: number;
  counts: number[];
}

/** A layer's weights as histograms: the kernel (the first weight) and, when there is one, the bias. */
export interface LayerHistogram {
  layer: string;
  /** How many weights the kernel has. */
  size: number;
  kernel: Histogram;
  bias: Histogram | null;
}

/** Counts `values` into `bins` equal bins over their range; non-finite values are not counted. */
export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  const [min, max] = range(values);
  const counts = new Array<number>(bins).fill(0);
  const span = max - min || 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const bin = Math.min(bins - 1, Math.floor(((v - min) / span) * bins));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return { min, max, counts };
}

/**
 * Histograms of every layer that has weights, small enough to post every epoch (bins × layers
 * numbers). Reads the weights' current values, so called after an epoch it shows how they moved.
 */
export function weightHistograms(model: tfjs.LayersModel, bins = 24): LayerHistogram[] {
  const out: LayerHistogram[] = [];
  for (const layer of model.layers) {
    const weights = layer.getWeights();
    const kernel = weights[0];
    if (!kernel) continue;
    const bias = weights.length > 1 && weights[1]?.rank === 1 ? weights[1] : null;
    out.push({
      layer: layer.name,
      size: kernel.size,
      kernel: histogram(kernel.dataSync(), bins),
      bias: bias ? histogram(bias.dataSync(), bins) : null,
    });
  }
  return out;
}
