import type { TensorValues } from '../../tensors';
import { type Tracked, Unsupported } from '../design-builder';
import { designAxis, onnxShape, withPerm } from '../layouts';
import type { OpContext, OpConverter } from '../op-context';
import { attrInts, attrNumber } from '../op-graph';

/**
 * Operations on values known at import time (shapes, axes, constant tensors) are folded rather than
 * built; the few that also apply to tensors (Concat, Gather, Slice) map to layers there.
 */

/** A constant's values as numbers. */
export const ints = (v: TensorValues): number[] => Array.from(v.data, Number);
/** An integer constant. */
export const intConst = (values: number[], dims = [values.length]): TensorValues => ({ dims, kind: 'int', data: values });
/** The number of elements of a shape. */
export const size = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

const constant: OpConverter = (ctx) => {
  const v = ctx.node.attrs.value;
  if (v && typeof v === 'object' && 'dims' in v) return ctx.setOutput(0, v);
  const f = ctx.node.attrs.value_float;
  if (typeof f === 'number') return ctx.setOutput(0, { dims: [], kind: 'float', data: Float32Array.of(f) });
  const floats = ctx.node.attrs.value_floats;
  if (Array.isArray(floats)) return ctx.setOutput(0, { dims: [floats.length], kind: 'float', data: Float32Array.from(floats as number[]) });
  const i = ctx.node.attrs.value_int;
  if (typeof i === 'number') return ctx.setOutput(0, intConst([i], []));
  const list = attrInts(ctx.node, 'value_ints');
  if (list) return ctx.setOutput(0, intConst(list));
  throw new Unsupported('its value is not a tensor');
};

/** Shape of a tensor; the unknown batch size folds to 0, which a Reshape reads as "keep this size". */
const shapeOp: OpConverter = (ctx) => {
  const c = ctx.constant(0);
  if (c) return ctx.setOutput(0, intConst(c.dims));
  const shape = onnxShape(ctx.tensor(0));
  if (!shape || shape.slice(1).some((d) => d === null)) throw new Unsupported('it reads a size not known at import time');
  ctx.setOutput(0, intConst(shape.map((d) => d ?? 0)));
};

const cast: OpConverter = (ctx) => {
  const c = ctx.constant(0);
  if (!c) return ctx.setOutput(0, ctx.tensor(0));
  const to = attrNumber(ctx.node, 'to', 1);
  const float = to === 1 || to === 10 || to === 11;
  ctx.setOutput(
    0,
    float
      ? { dims: c.dims, kind: 'float', data: Float32Array.from(c.data, Number) }
      : { dims: c.dims, kind: 'int', data: Array.from(c.data, (v) => Math.trunc(Number(v))) },
  );
};

const constantOfShape: OpConverter = (ctx) => {
  const dims = ints(
    ctx.constant(0) ??
      (() => {
        throw new Unsupported('its shape is computed at run time');
      })(),
  );
  const fill = ctx.node.attrs.value;
  const value = fill && typeof fill === 'object' && 'data' in fill ? Number(fill.data[0] ?? 0) : 0;
  const isInt = fill && typeof fill === 'object' && 'kind' in fill && fill.kind === 'int';
  ctx.setOutput(
    0,
    isInt
      ? intConst(new Array(size(dims)).fill(value), dims)
      : { dims, kind: 'float', data: new Float32Array(size(dims)).fill(value), fill: value },
  );
};

/** Concat of constants (shape arithmetic), or of tensors along a design axis. */
const concat: OpConverter = (ctx) => {
  const inputs = ctx.node.inputs.map((_, i) => i);
  if (inputs.every((i) => ctx.constant(i))) {
    const parts = inputs.map((i) => ctx.constant(i) as TensorValues);
    if (parts.every((p) => p.dims.length <= 1)) {
      const data = parts.flatMap((p) => Array.from(p.data, Number));
      return ctx.setOutput(
        0,
        parts.every((p) => p.kind === 'int') ? intConst(data) : { dims: [data.length], kind: 'float', data: Float32Array.from(data) },
      );
    }
    throw new Unsupported('it joins constant tensors');
  }
  const first = ctx.tensor(0);
  if (!first.perm) throw new Unsupported('the layout of its input is not known');
  const tensors = inputs.map((i) => withPerm(ctx.b, ctx.tensor(i), first.perm as number[], ctx.name));
  const onnxAxis = attrNumber(ctx.node, 'axis', 1);
  const rank = first.perm.length;
  const designAxis = first.perm[onnxAxis < 0 ? onnxAxis + rank : onnxAxis] ?? -1;
  if (designAxis < 0) throw new Unsupported('it joins along a size-1 axis');
  const designRank = first.shape?.length ?? rank;
  const [y] = ctx.layer('concatenate', { axis: designAxis === designRank - 1 ? -1 : designAxis }, tensors);
  ctx.setOutput(0, { ...(y as Tracked), perm: first.perm });
};

/** Gather: folded on constants; a constant table indexed by a tensor is an Embedding. */
const gather: OpConverter = (ctx) => {
  const data = ctx.constant(0);
  const indices = ctx.constant(1);
  const axis = attrNumber(ctx.node, 'axis', 0);
  if (data && indices) {
    if (data.dims.length !== 1 || axis !== 0) throw new Unsupported('it gathers from a constant matrix');
    const picked = ints(indices).map((i) => Number(data.data[i < 0 ? i + data.dims[0]! : i] ?? 0));
    return ctx.setOutput(
      0,
      data.kind === 'int' ? intConst(picked, indices.dims) : { dims: indices.dims, kind: 'float', data: Float32Array.from(picked) },
    );
  }
  if (data && !indices && axis === 0 && data.dims.length === 2) {
    const ids = ctx.tensor(1);
    const [inputDim, outputDim] = data.dims as [number, number];
    const [y] = ctx.layer('embedding', { inputDim, outputDim }, [ids], {
      embeddings: { values: Float32Array.from(data.data, Number), shape: [inputDim, outputDim], dtype: 'float32' },
    });
    return ctx.setOutput(0, { ...(y as Tracked), perm: [...(ids.perm ?? [0, 1]), ids.perm?.length ?? 2] });
  }
  throw new Unsupported('it gathers from a tensor computed at run time');
};

/** Slice of constants (shape arithmetic), or the reversal of a sequence that a recurrent layer reads backwards. */
const slice: OpConverter = (ctx) => {
  const c = ctx.constant(0);
  if (!c) return reverseSlice(ctx);
  if (c.dims.length !== 1) throw new Unsupported('it slices a constant tensor');
  const starts = ctx.constant(1) ? ints(ctx.constant(1) as TensorValues) : (attrInts(ctx.node, 'starts') ?? [0]);
  const ends = ctx.constant(2) ? ints(ctx.constant(2) as TensorValues) : (attrInts(ctx.node, 'ends') ?? [c.dims[0] ?? 0]);
  const n = c.dims[0] ?? 0;
  const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + n : v, 0), n);
  const picked = Array.from(c.data, Number).slice(clamp(starts[0] ?? 0), clamp(ends[0] ?? n));
  ctx.setOutput(0, c.kind === 'int' ? intConst(picked) : { dims: [picked.length], kind: 'float', data: Float32Array.from(picked) });
};

function reverseSlice(ctx: OpContext): void {
  const x = ctx.tensor(0);
  const read = (i: number) => (ctx.constant(i) ? ints(ctx.constant(i) as TensorValues) : undefined);
  const [starts, ends, axes, steps] = [read(1), read(2), read(3), read(4)];
  const reverses = steps?.length === 1 && steps[0] === -1 && starts?.[0] === -1 && (ends?.[0] ?? 0) <= -(2 ** 31);
  if (!reverses || !axes || axes.length !== 1) throw new Unsupported('it slices a tensor, which only Cropping2D does for images');
  if (!ctx.readers(0).every((op) => op === 'LSTM' || op === 'GRU' || op === 'RNN'))
    throw new Unsupported('it reverses a tensor that no recurrent layer reads');
  ctx.setOutput(0, { ...x, reversed: designAxis(x, axes[0] as number) });
}

export const CONSTANT_OPS: Record<string, OpConverter> = {
  Constant: constant,
  Shape: shapeOp,
  Cast: cast,
  ConstantOfShape: constantOfShape,
  Concat: concat,
  Gather: gather,
  Slice: slice,
};
