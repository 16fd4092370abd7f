import { layerSpec } from '../../../layers/registry';
import { activationNeedsLast, applyActivation, hasOnnxActivation } from '../activations';
import { type EmitContext, type LayerExporter, required } from '../emit-context';
import type { Value } from '../onnx-builder';

/** Dense, reshaping and elementwise layers. Reshapes need the design's own (channels-last) order. */

function activated(ctx: EmitContext, value: Value, activation: string): Value {
  if (activation === 'linear') return value;
  const input = activationNeedsLast(activation) ? ctx.b.as(value, 'last') : value;
  return { ...input, name: applyActivation(ctx.b, input.name, activation, ctx.name) };
}

/** Dense: `Gemm` on matrices, `MatMul` + `Add` on the last axis of higher-rank tensors. */
export const dense: LayerExporter = {
  check: (p) => (hasOnnxActivation(p.activation) ? null : `its activation "${p.activation}" has no ONNX form`),
  emit(ctx) {
    const x = ctx.b.as(ctx.inputs[0] as Value, 'last');
    const kernel = required(ctx, 'kernel');
    const w = ctx.b.floats(`${ctx.name}/kernel`, kernel.shape, kernel.values as Float32Array);
    const bias = ctx.params.useBias ? required(ctx, 'bias') : undefined;
    const b = bias ? ctx.b.floats(`${ctx.name}/bias`, bias.shape, bias.values as Float32Array) : undefined;
    let y: string;
    if (x.rank === 2) y = ctx.b.op1('Gemm', b ? [x.name, w, b] : [x.name, w], ctx.name);
    else {
      y = ctx.b.op1('MatMul', [x.name, w], ctx.name);
      if (b) y = ctx.b.op1('Add', [y, b], `${ctx.name}/bias_add`);
    }
    return [activated(ctx, { name: y, layout: 'last', rank: x.rank }, ctx.params.activation)];
  },
};

export const activation: LayerExporter = {
  check: (p) => (hasOnnxActivation(p.activation) ? null : `the activation "${p.activation}" has no ONNX form`),
  emit: (ctx) => [activated(ctx, ctx.inputs[0] as Value, ctx.params.activation)],
};

/** Flatten in the design's order: channels-last first, then ONNX Flatten. */
export const flatten: LayerExporter = {
  emit(ctx) {
    const x = ctx.b.as(ctx.inputs[0] as Value, 'last');
    return [{ name: ctx.b.op1('Flatten', [x.name], ctx.name, { axis: 1 }), layout: 'last', rank: 2 }];
  },
};

/** Reshape with the batch dimension copied (`0`) and the target shape as given (`-1` allowed once). */
export const reshape: LayerExporter = {
  emit(ctx) {
    const x = ctx.b.as(ctx.inputs[0] as Value, 'last');
    const target = (ctx.params.targetShape as (number | null)[]).map((d) => d ?? -1);
    const shape = ctx.b.ints(`${ctx.name}/shape`, [0, ...target]);
    return [{ name: ctx.b.op1('Reshape', [x.name, shape], ctx.name), layout: 'last', rank: target.length + 1 }];
  },
};

export const permute: LayerExporter = {
  emit(ctx) {
    const x = ctx.b.as(ctx.inputs[0] as Value, 'last');
    const perm = [0, ...(ctx.params.dims as number[])];
    return [{ name: ctx.b.op1('Transpose', [x.name], ctx.name, { perm }), layout: 'last', rank: x.rank }];
  },
};

/** RepeatVector: `[N, F]` → `[N, n, F]` by Unsqueeze and Tile. */
export const repeatVector: LayerExporter = {
  emit(ctx) {
    const x = ctx.inputs[0] as Value;
    const wide = ctx.b.op1('Unsqueeze', [x.name, ctx.b.ints(`${ctx.name}/axes`, [1])], `${ctx.name}/unsqueeze`);
    const y = ctx.b.op1('Tile', [wide, ctx.b.ints(`${ctx.name}/repeats`, [1, ctx.params.n, 1])], ctx.name);
    return [{ name: y, layout: 'last', rank: 3 }];
  },
};

/** Rescaling: `x · scale + offset`, elementwise in any layout. */
export const rescaling: LayerExporter = {
  emit(ctx) {
    const x = ctx.inputs[0] as Value;
    const scaled = ctx.b.op1('Mul', [x.name, ctx.b.floats(`${ctx.name}/scale`, [], [ctx.params.scale])], `${ctx.name}/scale`);
    const y = ctx.b.op1('Add', [scaled, ctx.b.floats(`${ctx.name}/offset`, [], [ctx.params.offset])], ctx.name);
    return [{ ...x, name: y }];
  },
};

/** Embedding: a `Gather` of rows, with the ids cast to int64 (designs may feed them as floats). */
export const embedding: LayerExporter = {
  check: (p) =>
    p.maskZero ? 'maskZero hides padded steps from the layers after it, which ONNX cannot carry; turn it off to export' : null,
  emit(ctx) {
    const x = ctx.inputs[0] as Value;
    const ids = ctx.b.op1('Cast', [x.name], `${ctx.name}/ids`, { to: 7 });
    const table = required(ctx, 'embeddings');
    const w = ctx.b.floats(`${ctx.name}/embeddings`, table.shape, table.values as Float32Array);
    return [{ name: ctx.b.op1('Gather', [w, ids], ctx.name, { axis: 0 }), layout: 'last', rank: x.rank + 1 }];
  },
};

/** TimeDistributed(Dense) is Dense on the last axis; other wrapped layers have no export. */
export const timeDistributed: LayerExporter = {
  check: (p) => {
    if (p.layer?.type !== 'dense') return `it wraps a ${p.layer?.type} layer, which has no ONNX export inside TimeDistributed`;
    return dense.check?.(innerDense(p.layer.params), []) ?? null;
  },
  emit(ctx) {
    const kernel = ctx.weights[0];
    const bias = ctx.weights[1];
    return dense.emit({
      ...ctx,
      params: innerDense(ctx.params.layer.params),
      weight: (suffix) => (suffix === 'kernel' ? kernel : suffix === 'bias' ? bias : undefined),
    });
  },
};

/** The wrapped Dense layer's params with its defaults filled in. */
function innerDense(params: Record<string, unknown> | undefined): Record<string, unknown> {
  return (layerSpec('dense')?.params.parse(params ?? {}) ?? {}) as Record<string, unknown>;
}
