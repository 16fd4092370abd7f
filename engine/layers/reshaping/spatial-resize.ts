import { z } from 'zod';
import type { Shape } from '../../shape';
import { checkPositive } from '../common';
import { type DataFormat, expectSpatial, mapSpatial } from '../convolution/spatial';
import { NO_PARAMS } from '../spec';

/** Amounts for the two sides of height and width: `[[top, bottom], [left, right]]`. */
export type SidePairs = [[number, number], [number, number]];

const amount = z.number().int().min(0).max(100_000);

function toPairs(v: number | [number, number] | SidePairs): SidePairs {
  if (typeof v === 'number')
    return [
      [v, v],
      [v, v],
    ];
  const [h, w] = v;
  return typeof h === 'number' && typeof w === 'number'
    ? [
        [h, h],
        [w, w],
      ]
    : (v as SidePairs);
}

/**
 * Per-side amounts in every form TF.js and Keras files use: one number for all four sides,
 * `[height, width]` for symmetric amounts, or `[[top, bottom], [left, right]]`. Always yields the
 * last form, which is what TF.js saves.
 */
export const sidePairs = (fallback: number, description: string) =>
  z
    .union([amount, z.tuple([amount, amount]), z.tuple([z.tuple([amount, amount]), z.tuple([amount, amount])])])
    .default(fallback)
    .transform(toPairs)
    .describe(description);

/** Both sides of one axis (0 = height, 1 = width) together. */
export function sideTotal(pairs: SidePairs, axis: number): number {
  const [before, after] = pairs[axis] ?? [0, 0];
  return before + after;
}

/** `1` when all four sides are equal, else `top+bottom × left+right`, for node faces. */
export function pairsSummary([[top, bottom], [left, right]]: SidePairs): string {
  return top === bottom && top === left && top === right ? `${top}` : `${top}+${bottom} × ${left}+${right}`;
}

/**
 * Rules of layers that resize the height and width of an image without weights (padding, cropping,
 * upsampling): `resize` maps each known size, unknown sizes stay unknown.
 */
export function spatialResizeRules<P extends { dataFormat: DataFormat }>(
  label: string,
  resize: (size: number, axis: number, p: P) => number,
) {
  return {
    inputs: { min: 1, max: 1, minRank: 4, maxRank: 4 },
    outputShape: ([x]: Shape[], p: P) => {
      const shape = x ?? [];
      const rank = expectSpatial(shape, 2, label, p.dataFormat);
      if (rank) return rank;
      const out = mapSpatial(shape, 2, p.dataFormat, (size, axis) => resize(size, axis, p));
      return checkPositive(out, label) ?? [out];
    },
    countParams: () => NO_PARAMS,
  };
}
