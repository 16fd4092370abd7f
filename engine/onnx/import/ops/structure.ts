import type { TensorValues } from '../../tensors';
import { type Tracked, Unsupported } from '../design-builder';
import { fileOrder, flattenOrder, identityPerm, onnxShape, withPerm } from '../layouts';
import type { OpContext, OpConverter } from '../op-context';
import { attrInts, attrNumber } from '../op-graph';
import { ints, size } from './constants';

/**
 * Operations that only move, rename or reshape data. Most become bookkeeping on the tracked layout
 * (no layer); shape arithmetic on constants is folded at import time.
 */

/** Identity and Dropout (at inference): the value passes through; a Dropout keeps its layer so training sees it. */
const identity: OpConverter = (ctx) => {
  const c = ctx.constant(0);
  ctx.setOutput(0, c ?? ctx.tensor(0));
};

const dropout: OpConverter = (ctx) => {
  const x = ctx.tensor(0);
  const ratio = ctx.constant(1)?.data[0] ?? attrNumber(ctx.node, 'ratio', 0.5);
  const [y] = ctx.layer(
    'dropout',
    { rate: Math.min(Math.max(Number(ratio), 0), 0.99) },
    [x],
    {},
    { message: 'Dropout (active only while training).' },
  );
  ctx.setOutput(0, { ...(y as Tracked), perm: x.perm });
};

const transposeOp: OpConverter = (ctx) => {
  const c = ctx.constant(0);
  const perm = attrInts(ctx.node, 'perm');
  if (c) {
    if (c.dims.length <= 1) return ctx.setOutput(0, c);
    throw new Unsupported('it transposes a constant');
  }
  const x = ctx.tensor(0);
  if (!x.perm) throw new Unsupported('the layout of its input is not known');
  const p = perm ?? identityPerm(x.perm.length).reverse();
  ctx.setOutput(0, { ...x, perm: p.map((i) => x.perm?.[i] ?? -1) });
};

/** Flatten from axis 1: a Flatten layer, or nothing when the design tensor already is a matrix. */
const flatten: OpConverter = (ctx) => {
  const x = ctx.tensor(0);
  if (attrNumber(ctx.node, 'axis', 1) !== 1) throw new Unsupported('it flattens from an axis other than 1');
  flattenTo(ctx, x);
};

function flattenTo(ctx: OpContext, x: Tracked): void {
  if (x.shape?.length === 2 && x.perm && x.perm.filter((p) => p >= 0).join() === '0,1') {
    ctx.setOutput(0, { ...x, perm: [0, 1] });
    return;
  }
  const order = flattenOrder(x);
  const readers = ctx.used(0) ? consumersAreDense(ctx) : true;
  let input = x;
  // The design flattens channels-last; when only Dense layers read the result, their weights are
  // reordered instead, otherwise the tensor is first permuted into the file's order.
  if (order !== undefined && !(order && readers)) input = withPerm(ctx.b, x, fileOrder(x.perm ?? []), ctx.name);
  const [y] = ctx.layer('flatten', {}, [input]);
  ctx.setOutput(0, { ...(y as Tracked), perm: [0, 1], ...(order && input === x ? { rowOrder: order } : {}) });
}

/** Whether every reader of output 0 is a Gemm or MatMul (which can take reordered weights). */
function consumersAreDense(ctx: OpContext): boolean {
  const readers = ctx.readers(0);
  return readers.length > 0 && readers.every((op) => op === 'Gemm' || op === 'MatMul');
}

/** Reshape: folded on constants; size-1 axes and flattening become bookkeeping; otherwise a Reshape layer. */
const reshape: OpConverter = (ctx) => {
  const target = ctx.constant(1);
  const shapeAttr = attrInts(ctx.node, 'shape');
  const wanted = target ? ints(target) : shapeAttr;
  if (!wanted) throw new Unsupported('its target shape is computed at run time');
  const c = ctx.constant(0);
  if (c) return ctx.setOutput(0, { ...c, dims: resolveShape(wanted, c.dims, size(c.dims)) });
  const x = ctx.tensor(0);
  const from = onnxShape(x);
  if (!from || !x.perm) throw new Unsupported('the shape of its input is not known');
  const known = from.slice(1).every((d) => d !== null) ? (from.slice(1) as number[]).reduce((a, b) => a * b, 1) : null;
  const rest = wanted.slice(1).map((d, i) => (d === 0 ? (from[i + 1] ?? null) : d));
  const inferred = rest.map((d) =>
    d === -1 && known !== null ? known / rest.filter((v) => v !== -1).reduce<number>((a, b) => a * (b ?? 1), 1) : d,
  );
  if (wanted[0] !== 0 && wanted[0] !== -1 && from[0] !== null && wanted[0] !== from[0]) throw new Unsupported('it changes the batch size');
  if (inferred.some((d) => d === null || !Number.isInteger(d)))
    throw new Unsupported('its target shape depends on sizes not known at import time');
  const dims = inferred as number[];
  // Flattening to [N, features].
  if (dims.length === 1 && known !== null && dims[0] === known) return flattenTo(ctx, x);
  // Only size-1 axes added or removed: the same design tensor.
  const nonUnitFrom = from.slice(1).filter((d) => d !== 1);
  const nonUnitTo = dims.filter((d) => d !== 1);
  if (
    nonUnitFrom.join() === nonUnitTo.join() &&
    x.perm
      .slice(1)
      .filter((p, i) => p >= 0 && from[i + 1] !== 1)
      .every((p, i, a) => i === 0 || p > (a[i - 1] ?? 0))
  ) {
    const designAxes = x.perm.slice(1).filter((p, i) => p >= 0 && from[i + 1] !== 1);
    const unitDesign = (x.shape ?? []).slice(1).every((d, i) => d !== 1 || designAxes.includes(i + 1));
    if (unitDesign && designAxes.length === (x.shape?.length ?? 0) - 1) {
      let k = 0;
      const perm = [0, ...dims.map((d) => (d === 1 ? -1 : (designAxes[k++] as number)))];
      return ctx.setOutput(0, { ...x, perm });
    }
  }
  const input = withPerm(ctx.b, x, identityPerm(x.perm.length), ctx.name);
  if (input.rowOrder) throw new Unsupported('it reshapes a flattened image whose order differs in the design');
  const [y] = ctx.layer('reshape', { targetShape: dims }, [input]);
  ctx.setOutput(0, { ...(y as Tracked), perm: identityPerm(dims.length + 1) });
};

function resolveShape(wanted: number[], from: number[], total: number): number[] {
  const dims = wanted.map((d, i) => (d === 0 ? (from[i] ?? 1) : d));
  const known = dims.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  return dims.map((d) => (d === -1 ? total / known : d));
}

const unsqueeze: OpConverter = (ctx) => {
  const axes = ctx.constant(1) ? ints(ctx.constant(1) as TensorValues) : (attrInts(ctx.node, 'axes') ?? []);
  const c = ctx.constant(0);
  const rank = (c ? c.dims.length : (ctx.tensor(0).perm?.length ?? 0)) + axes.length;
  const at = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
  if (c) {
    let k = 0;
    return ctx.setOutput(0, { ...c, dims: Array.from({ length: rank }, (_, i) => (at.has(i) ? 1 : (c.dims[k++] ?? 1))) });
  }
  const x = ctx.tensor(0);
  let k = 0;
  ctx.setOutput(0, { ...x, perm: Array.from({ length: rank }, (_, i) => (at.has(i) ? -1 : (x.perm?.[k++] ?? -1))) });
};

const squeeze: OpConverter = (ctx) => {
  const c = ctx.constant(0);
  const given = ctx.constant(1) ? ints(ctx.constant(1) as TensorValues) : attrInts(ctx.node, 'axes');
  if (c) {
    const axes = new Set((given ?? c.dims.flatMap((d, i) => (d === 1 ? [i] : []))).map((a) => (a < 0 ? a + c.dims.length : a)));
    return ctx.setOutput(0, { ...c, dims: c.dims.filter((_, i) => !axes.has(i)) });
  }
  const x = ctx.tensor(0);
  const shape = onnxShape(x);
  if (!x.perm || !shape) throw new Unsupported('the shape of its input is not known');
  const axes = new Set((given ?? shape.flatMap((d, i) => (d === 1 ? [i] : []))).map((a) => (a < 0 ? a + shape.length : a)));
  if ([...axes].some((a) => x.perm?.[a] === 0)) throw new Unsupported('it removes the batch axis');
  if ([...axes].some((a) => (x.perm?.[a] ?? -1) >= 0)) {
    // A real size-1 design axis: reshape it away.
    const input = withPerm(ctx.b, x, identityPerm(x.perm.length), ctx.name);
    const dims = shape.filter((_, i) => !axes.has(i)).slice(1) as number[];
    const [y] = ctx.layer('reshape', { targetShape: dims }, [input]);
    return ctx.setOutput(0, { ...(y as Tracked), perm: identityPerm(dims.length + 1) });
  }
  ctx.setOutput(0, { ...x, perm: x.perm.filter((_, i) => !axes.has(i)) });
};

export const STRUCTURE_OPS: Record<string, OpConverter> = {
  Identity: identity,
  Dropout: dropout,
  Transpose: transposeOp,
  Flatten: flatten,
  Reshape: reshape,
  Unsqueeze: unsqueeze,
  Squeeze: squeeze,
};
