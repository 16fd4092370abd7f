import type { TensorValues } from '../../tensors';
import { type Tracked, Unsupported } from '../design-builder';
import { onnxShape, withPerm } from '../layouts';
import type { OpContext, OpConverter } from '../op-context';
import { FOLDS_ACTIVATION, sameShape } from './activations';
import { biasVector } from './dense';

/** Arithmetic: constants fold into biases or become a Rescaling; two tensors meet in a merge layer. */

/** Adds a constant: a bias folded into the layer before, or a Rescaling offset. */
function addConstant(ctx: OpContext, tensorIndex: number, constant: TensorValues, sign: number): void {
  const c = constant.data;
  const x = ctx.tensor(tensorIndex);
  const target = ctx.foldTarget(tensorIndex);
  const units = x.shape?.at(-1);
  const vector = units
    ? biasVector(
        Array.from(c, (v) => Number(v) * sign),
        units,
      )
    : undefined;
  const rank = x.perm?.length ?? 0;
  // The constant must vary along ONNX axis 1 only (numpy broadcasting aligns it to the right), and that axis must be the design's last.
  // Before opset 7, Add broadcast with an explicit `axis` instead of from the right.
  const legacyAxis =
    ctx.node.attrs.broadcast === 1 && typeof ctx.node.attrs.axis === 'number' ? (ctx.node.attrs.axis as number) : undefined;
  const start = legacyAxis ?? rank - constant.dims.length;
  const alongChannels = constant.dims.every((d, j) => d === 1 || start + j === 1) && x.perm?.[1] === (x.shape?.length ?? 0) - 1;
  if (
    target &&
    FOLDS_ACTIVATION.has(target.type) &&
    target.params.useBias === false &&
    (target.params.activation ?? 'linear') === 'linear' &&
    vector &&
    alongChannels
  ) {
    target.params.useBias = true;
    ctx.b.weights[`${target.nodeId}/bias`] = { values: vector, shape: [vector.length], dtype: 'float32' };
    ctx.folded(target.nodeId, 'bias');
    ctx.setOutput(0, x);
    return;
  }
  if (c.length !== 1)
    throw new Unsupported('it adds a constant tensor, which no layer holds', 'Fold the constant into the bias of the layer before.');
  sameShape(ctx, 'rescaling', { scale: 1, offset: Number(c[0]) * sign });
}

function arithmetic(op: 'Add' | 'Sub' | 'Mul' | 'Div'): OpConverter {
  return (ctx) => {
    const a = ctx.constant(0);
    const b = ctx.constant(1);
    if (a && b) {
      if (a.dims.length > 1 || b.dims.length > 1) throw new Unsupported('it computes with constant tensors');
      const n = Math.max(a.data.length, b.data.length);
      const at = (v: typeof a, i: number) => Number(v.data[v.data.length === 1 ? 0 : i] ?? 0);
      const f = {
        Add: (x: number, y: number) => x + y,
        Sub: (x: number, y: number) => x - y,
        Mul: (x: number, y: number) => x * y,
        Div: (x: number, y: number) => (a.kind === 'int' ? Math.trunc(x / y) : x / y),
      }[op];
      const data = Array.from({ length: n }, (_, i) => f(at(a, i), at(b, i)));
      return ctx.setOutput(
        0,
        a.kind === 'int' && b.kind === 'int'
          ? { dims: a.dims.length >= b.dims.length ? a.dims : b.dims, kind: 'int', data }
          : { dims: a.dims.length >= b.dims.length ? a.dims : b.dims, kind: 'float', data: Float32Array.from(data) },
      );
    }
    const c = a ?? b;
    if (c) {
      const tensorIndex = a ? 1 : 0;
      if (op === 'Add') return addConstant(ctx, tensorIndex, c, 1);
      if (op === 'Sub' && b) return addConstant(ctx, 0, c, -1);
      if (c.data.length !== 1) throw new Unsupported(`it ${op === 'Mul' ? 'multiplies' : 'divides'} by a constant tensor`);
      const k = Number(c.data[0]);
      if (op === 'Mul') return sameShape({ ...ctx, tensor: () => ctx.tensor(tensorIndex) }, 'rescaling', { scale: k, offset: 0 });
      if (op === 'Div' && b) return sameShape(ctx, 'rescaling', { scale: 1 / k, offset: 0 });
      throw new Unsupported(`it ${op === 'Sub' ? 'subtracts a tensor from a constant' : 'divides a constant by a tensor'}`);
    }
    const merge = { Add: 'add', Mul: 'multiply' }[op as 'Add' | 'Mul'];
    if (!merge)
      throw new Unsupported(
        `${op === 'Sub' ? 'subtracting' : 'dividing'} two tensors has no merge layer`,
        op === 'Sub' ? 'Replace it with an Add of the first input and a negated (Rescaling −1) second input.' : undefined,
      );
    mergeLayer(ctx, merge, [0, 1]);
  };
}

/** A merge layer over tensors of one shape (the layout of the first input). */
function mergeLayer(ctx: OpContext, type: string, indices: number[]): void {
  const first = ctx.tensor(indices[0] ?? 0);
  if (!first.perm) throw new Unsupported('the layout of its input is not known');
  const tensors = indices.map((i) => withPerm(ctx.b, ctx.tensor(i), first.perm as number[], ctx.name));
  const shapes = tensors.map((t) => onnxShape(t)?.join());
  if (shapes.some((s) => s !== shapes[0])) throw new Unsupported('it broadcasts tensors of different shapes, which merge layers do not');
  const [y] = ctx.layer(type, {}, tensors);
  ctx.setOutput(0, { ...(y as Tracked), perm: first.perm });
}

const variadic =
  (type: string): OpConverter =>
  (ctx) =>
    ctx.node.inputs.length === 1
      ? ctx.setOutput(0, ctx.tensor(0))
      : mergeLayer(
          ctx,
          type,
          ctx.node.inputs.map((_, i) => i),
        );

export const ARITHMETIC_OPS: Record<string, OpConverter> = {
  Add: arithmetic('Add'),
  Sub: arithmetic('Sub'),
  Mul: arithmetic('Mul'),
  Div: arithmetic('Div'),
  Sum: variadic('add'),
  Max: variadic('maximum'),
  Min: variadic('minimum'),
  Mean: variadic('average'),
};
