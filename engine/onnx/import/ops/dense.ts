import type { WeightArray } from '../../../import/weight-arrays';
import { type Tracked, Unsupported } from '../design-builder';
import { type OpContext, type OpConverter, permutedWeight, requireConstant, weightOf } from '../op-context';
import { attrNumber } from '../op-graph';

/** Gemm and MatMul (+ Add) with constant weights become Dense layers. */

/** Reorders kernel rows to the design's flattening order (see `Tracked.rowOrder`). */
function reorderRows(kernel: WeightArray, order: Int32Array | undefined): WeightArray {
  // Without values (a stand-in of one repeated value) there is nothing to reorder.
  if (!order || kernel.values.length === 0) return kernel;
  const [rows = 0, cols = 0] = kernel.shape;
  if (order.length !== rows) throw new Unsupported('its weights do not fit the flattened input');
  const values = new Float32Array(kernel.values.length);
  for (let i = 0; i < rows; i++) values.set(kernel.values.subarray(i * cols, (i + 1) * cols), (order[i] ?? 0) * cols);
  return { ...kernel, values };
}

function scaled(w: WeightArray, factor: number): WeightArray {
  return factor === 1 ? w : { ...w, values: Float32Array.from(w.values, (v) => v * factor) };
}

/** A bias constant of any broadcastable shape (`[N]`, `[1, N]`, a scalar) as `[N]`. */
export function biasVector(values: ArrayLike<number>, units: number): Float32Array | undefined {
  if (values.length === units) return Float32Array.from(values as ArrayLike<number>);
  if (values.length === 1) return new Float32Array(units).fill(Number(values[0]));
  return undefined;
}

const gemm: OpConverter = (ctx) => {
  const x = ctx.tensor(0);
  const b = requireConstant(ctx, 1, 'weight matrix');
  if (attrNumber(ctx.node, 'transA', 0) === 1) throw new Unsupported('it transposes its input (transA)');
  if ((x.perm?.length ?? 0) !== 2) throw new Unsupported('its input is not a matrix');
  let kernel = attrNumber(ctx.node, 'transB', 0) === 1 ? permutedWeight(b, [1, 0]) : weightOf(b);
  kernel = reorderRows(scaled(kernel, attrNumber(ctx.node, 'alpha', 1)), x.rowOrder);
  const units = kernel.shape[1] ?? 1;
  const c = ctx.has(2) ? requireConstant(ctx, 2, 'bias') : undefined;
  const bias = c
    ? biasVector(
        Float32Array.from(c.data, (v) => Number(v) * attrNumber(ctx.node, 'beta', 1)),
        units,
      )
    : undefined;
  if (c && !bias) throw new Unsupported('its bias is not one value per output');
  denseLayer(ctx, x, kernel, bias);
};

const matMul: OpConverter = (ctx) => {
  const x = ctx.tensor(0);
  const b = ctx.constant(1);
  if (!b)
    throw new Unsupported('it multiplies two tensors computed at run time', 'Replace it with a Dot layer if both inputs are vectors.');
  if (b.dims.length !== 2) throw new Unsupported('its weight matrix is not 2-D');
  const rank = x.perm?.length ?? 0;
  if (!x.perm || x.perm[rank - 1] !== rank - 1) throw new Unsupported('it multiplies along an axis that is not the design’s last');
  denseLayer(ctx, x, reorderRows(weightOf(b), x.rowOrder), undefined);
};

function denseLayer(ctx: OpContext, x: Tracked, kernel: WeightArray, bias: Float32Array | undefined): void {
  const units = kernel.shape[1] ?? 1;
  const [y] = ctx.layer('dense', { units, useBias: Boolean(bias) }, [x], {
    kernel,
    ...(bias ? { bias: { values: bias, shape: [units], dtype: 'float32' } } : {}),
  });
  ctx.setOutput(0, { ...(y as Tracked), perm: x.perm });
}

export const DENSE_OPS: Record<string, OpConverter> = { Gemm: gemm, MatMul: matMul };
