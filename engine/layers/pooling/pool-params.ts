import { z } from 'zod';
import { intTuple, padding } from '../common';
import type { DataFormat, SpatialRank } from '../convolution/spatial';
import type { BuildContext } from '../spec';

/** Parameter schemas and TF.js arguments shared by the max and average pooling specs. */

const WINDOW_AXES: Record<SpatialRank, string> = { 1: 'Length', 2: 'Height and width', 3: 'Depth, height and width' };

/**
 * Step between windows, or `null` for the pool size (TF.js's and Keras's default: windows side by
 * side). One number for every axis or a list of `n`.
 */
const poolStrides = (n: SpatialRank) =>
  z
    .union([z.number().int().min(1).max(100_000), z.array(z.number().int().min(1).max(100_000)).length(n)])
    .nullable()
    .default(null)
    .transform((v) => (typeof v === 'number' ? Array.from({ length: n }, () => v) : v))
    .describe('Step between windows. Leave empty to use the pool size, so that windows sit side by side without overlap.');

/** The fields of n-d max and average pooling; 2-d and 3-d pooling add a data format. */
export const poolFields = (n: SpatialRank) => ({
  poolSize: intTuple(
    n,
    2,
    `${WINDOW_AXES[n]} of each window whose values are pooled into one. 2 halves the ${WINDOW_AXES[n].toLowerCase()}.`,
  ),
  strides: poolStrides(n),
  padding: padding(),
});

export interface PoolParams {
  poolSize: number[];
  strides: number[] | null;
  padding: string;
  dataFormat?: DataFormat;
}

/** TF.js arguments for `tf.layers.maxPooling*d` and `averagePooling*d`; `T` is the tuple type TF.js wants. */
export function poolArgs<T extends number[]>(p: PoolParams, { name, trainable }: BuildContext) {
  return {
    poolSize: [...p.poolSize] as T,
    ...(p.strides ? { strides: [...p.strides] as T } : {}),
    padding: p.padding as 'valid' | 'same',
    ...(p.dataFormat ? { dataFormat: p.dataFormat } : {}),
    name,
    trainable,
  };
}
