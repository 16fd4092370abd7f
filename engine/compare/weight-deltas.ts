import type { LayerWeight } from './node-weights';

/** How one weight tensor of a matched pair differs. */
export interface WeightDelta {
  /** The weight's name on side A (`kernel`), or B's when only B has it. */
  name: string;
  shapeA?: number[];
  shapeB?: number[];
  /** The largest absolute difference of two values; `null` when the shapes differ or one side lacks the tensor. */
  maxAbsDiff: number | null;
}

/**
 * Compares the weights of two matched layers tensor by tensor: by name where both sides name them
 * alike (`kernel` with `kernel`), else by position. The importers already bring every format's
 * layout to TF.js's (`[kh, kw, in, out]` kernels, gates in TF.js order), so equal shapes are
 * compared value by value.
 *
 * @example
 * weightDeltas([{ name: 'bias', shape: [2], values: f32(1, 2) }], [{ name: 'bias', shape: [2], values: f32(1, 2.5) }]);
 * // [{ name: 'bias', shapeA: [2], shapeB: [2], maxAbsDiff: 0.5 }]
 */
export function weightDeltas(as: readonly LayerWeight[], bs: readonly LayerWeight[]): WeightDelta[] {
  const byName = new Map(bs.map((w) => [w.name, w]));
  const sameNames = as.length === bs.length && as.every((w) => byName.has(w.name));
  const used = new Set<LayerWeight>();
  const out: WeightDelta[] = [];
  for (const [i, x] of as.entries()) {
    const y = sameNames ? byName.get(x.name) : bs[i];
    if (y) used.add(y);
    out.push({ name: x.name, shapeA: x.shape, ...(y ? { shapeB: y.shape } : {}), maxAbsDiff: y ? maxAbsDiff(x, y) : null });
  }
  for (const y of bs) if (!used.has(y)) out.push({ name: y.name, shapeB: y.shape, maxAbsDiff: null });
  return out;
}

function maxAbsDiff(x: LayerWeight, y: LayerWeight): number | null {
  if (x.shape.length !== y.shape.length || x.shape.some((d, i) => d !== y.shape[i]) || x.values.length !== y.values.length) return null;
  let max = 0;
  for (let i = 0; i < x.values.length; i++) {
    const d = Math.abs((x.values[i] as number) - (y.values[i] as number));
    if (d > max || Number.isNaN(d)) max = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
  }
  return max;
}
