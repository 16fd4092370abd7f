import { elementsPerSample, type Shape } from '../../shape';
import { checkPositive } from '../common';
import {
  channelsOf,
  type DataFormat,
  expectSpatial,
  type SpatialRank,
  slideWindow,
  spatialVolume,
  windowVolume,
} from '../convolution/spatial';
import { NO_PARAMS } from '../spec';
import type { PoolParams } from './pool-params';

/**
 * The input contract, shape rule, (absent) weights, FLOPs and node text of n-d max or average
 * pooling, to spread into its spec. Strides default to the pool size, as in TF.js.
 */
export function poolingRules(n: SpatialRank, label: string) {
  return {
    inputs: { min: 1, max: 1, minRank: n + 2, maxRank: n + 2 },
    outputShape: ([x]: Shape[], p: PoolParams) => {
      const shape = x ?? [];
      const rank = expectSpatial(shape, n, label, p.dataFormat);
      if (rank) return rank;
      const out = slideWindow(shape, n, {
        size: p.poolSize,
        strides: p.strides ?? p.poolSize,
        padding: p.padding,
        dataFormat: p.dataFormat,
      });
      return checkPositive(out, label) ?? [out];
    },
    countParams: () => NO_PARAMS,
    /** One comparison or addition per window element, for every output value. */
    flops: (_: Shape[], [y]: Shape[], p: PoolParams) =>
      spatialVolume(y, n, p.dataFormat) * (channelsOf(y, n, p.dataFormat) ?? 0) * windowVolume(p.poolSize),
    summary: (p: PoolParams) => {
      const strides = p.strides?.some((s, i) => s !== p.poolSize[i]) ? ` /${p.strides.join('×')}` : '';
      return `${p.poolSize.join('×')}${strides}${p.padding === 'same' ? ' · same' : ''}`;
    },
  };
}

/**
 * Rules of global pooling, which reduces every spatial axis to one value per channel:
 * `(batch, …, channels)` becomes `(batch, channels)`.
 */
export function globalPoolingRules(n: 1 | 2, label: string) {
  return {
    inputs: { min: 1, max: 1, minRank: n + 2, maxRank: n + 2 },
    outputShape: ([x]: Shape[], p: { dataFormat?: DataFormat }) => {
      const shape = x ?? [];
      const rank = expectSpatial(shape, n, label, p.dataFormat);
      if (rank) return rank;
      return [[shape[0] ?? null, channelsOf(shape, n, p.dataFormat)]];
    },
    countParams: () => NO_PARAMS,
    /** Every input value is read once (compared or added). */
    flops: ([x]: Shape[]) => elementsPerSample(x ?? []) ?? 0,
  };
}
