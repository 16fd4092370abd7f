import { reshape, transpose, type WeightArray } from '../../../import/weight-arrays';
import type { Shape } from '../../../shape';
import { activationNeedsLast, applyActivation, hasOnnxActivation } from '../activations';
import { type EmitContext, type LayerExporter, required, windowPads } from '../emit-context';
import type { Layout, Value } from '../onnx-builder';

/**
 * Convolutions: ONNX `Conv`/`ConvTranspose` work channels-first, so a channels-last input is
 * transposed once (the builder reuses the transposed copy) and the output stays channels-first
 * until a layer needs it otherwise. Keras kernels `[k…, in, out]` become ONNX `[out, in, k…]`.
 */

interface ConvLike {
  kernelSize: number[];
  strides: number[];
  padding: string;
  dataFormat?: string;
  dilationRate?: number[];
  activation: string;
  useBias?: boolean;
}

function checkConv(p: ConvLike): string | null {
  if (!hasOnnxActivation(p.activation)) return `its activation "${p.activation}" has no ONNX form`;
  if (p.padding === 'causal') return 'causal padding cannot run in TF.js either; use "valid" or "same"';
  return null;
}

/** The layout the op works in: channels-first, unless the layer itself is channels-first (then the design tensor already is). */
function workLayout(p: ConvLike): Layout {
  return p.dataFormat === 'channelsFirst' ? 'last' : 'first';
}

function spatialSizes(shape: Shape, n: number, p: ConvLike): (number | null)[] {
  return p.dataFormat === 'channelsFirst' ? shape.slice(2, 2 + n) : shape.slice(1, 1 + n);
}

/** Keras `[k1…kn, a, b]` → ONNX `[b, a, k1…kn]`. */
function kernelToOnnx(w: WeightArray): WeightArray {
  const n = w.shape.length - 2;
  return transpose(w, [n + 1, n, ...Array.from({ length: n }, (_, i) => i)]);
}

function finish(ctx: EmitContext, p: ConvLike, y: string, layout: Layout, rank: number): Value[] {
  const value: Value = { name: y, layout, rank };
  if (p.activation === 'linear') return [value];
  const input = activationNeedsLast(p.activation) ? ctx.b.as(value, 'last') : value;
  return [{ ...input, name: applyActivation(ctx.b, input.name, p.activation, ctx.name) }];
}

function conv(
  ctx: EmitContext,
  p: ConvLike,
  x: Value,
  kernel: WeightArray,
  group: number,
  bias: WeightArray | undefined,
  base: string,
): string {
  const n = kernel.shape.length - 2;
  const shape = ctx.inputShapes[0] ?? [];
  const dilations = p.dilationRate ?? new Array(n).fill(1);
  const attributes = {
    kernel_shape: kernel.shape.slice(2),
    strides: p.strides,
    dilations,
    group,
    ...windowPads(p.padding, spatialSizes(shape, n, p), p.kernelSize, p.strides, dilations),
  };
  const inputs = [x.name, ctx.b.floats(`${base}/W`, kernel.shape, kernel.values as Float32Array)];
  if (bias) inputs.push(ctx.b.floats(`${base}/B`, bias.shape, bias.values as Float32Array));
  return ctx.b.op1('Conv', inputs, base, attributes);
}

/** Conv1D, Conv2D and Conv3D. */
export const standardConv: LayerExporter = {
  check: checkConv,
  emit(ctx) {
    const p = ctx.params as ConvLike;
    const layout = workLayout(p);
    const x = ctx.b.as(ctx.inputs[0] as Value, layout);
    const kernel = kernelToOnnx(required(ctx, 'kernel'));
    const y = conv(ctx, p, x, kernel, 1, p.useBias ? required(ctx, 'bias') : undefined, ctx.name);
    return finish(ctx, p, y, layout, x.rank);
  },
};

/** Depthwise `[kh, kw, in, m]` → grouped ONNX `[in·m, 1, kh, kw]` (output channel c·m + j, as TF orders them). */
function depthwiseToOnnx(w: WeightArray): WeightArray {
  const [kh = 1, kw = 1, channels = 1, multiplier = 1] = w.shape;
  const flat = transpose(reshape(w, [kh, kw, channels * multiplier]), [2, 0, 1]);
  return reshape(flat, [channels * multiplier, 1, kh, kw]);
}

/** DepthwiseConv2D: a grouped convolution with one group per input channel. */
export const depthwiseConv: LayerExporter = {
  check: checkConv,
  emit(ctx) {
    const p = ctx.params as ConvLike;
    const layout = workLayout(p);
    const x = ctx.b.as(ctx.inputs[0] as Value, layout);
    const kernel = depthwiseToOnnx(required(ctx, 'depthwise_kernel'));
    const channels = required(ctx, 'depthwise_kernel').shape[2] ?? 1;
    const y = conv(ctx, p, x, kernel, channels, p.useBias ? required(ctx, 'bias') : undefined, ctx.name);
    return finish(ctx, p, y, layout, x.rank);
  },
};

/** SeparableConv2D: the depthwise convolution, then a 1×1 convolution with the bias. */
export const separableConv: LayerExporter = {
  check: checkConv,
  emit(ctx) {
    const p = ctx.params as ConvLike;
    const layout = workLayout(p);
    const x = ctx.b.as(ctx.inputs[0] as Value, layout);
    const depthwise = required(ctx, 'depthwise_kernel');
    const channels = depthwise.shape[2] ?? 1;
    const mid = conv(ctx, p, x, depthwiseToOnnx(depthwise), channels, undefined, `${ctx.name}/depthwise`);
    const pointwise = kernelToOnnx(required(ctx, 'pointwise_kernel'));
    const one = { ...p, kernelSize: [1, 1], strides: [1, 1], padding: 'valid', dilationRate: [1, 1] };
    const inputs = [mid, ctx.b.floats(`${ctx.name}/pointwise/W`, pointwise.shape, pointwise.values as Float32Array)];
    if (p.useBias) {
      const bias = required(ctx, 'bias');
      inputs.push(ctx.b.floats(`${ctx.name}/pointwise/B`, bias.shape, bias.values as Float32Array));
    }
    const y = ctx.b.op1('Conv', inputs, `${ctx.name}/pointwise`, { kernel_shape: [1, 1], strides: one.strides, pads: [0, 0, 0, 0] });
    return finish(ctx, p, y, layout, x.rank);
  },
};

/**
 * Conv2DTranspose / Conv3DTranspose. TF sizes the output as `in·s` ("same") or `in·s + max(k − s, 0)`
 * ("valid") and crops `floor(total/2)` at the start; explicit pads and `output_padding` reproduce it.
 */
export const transposedConv: LayerExporter = {
  check: checkConv,
  emit(ctx) {
    const p = ctx.params as ConvLike;
    const layout = workLayout(p);
    const x = ctx.b.as(ctx.inputs[0] as Value, layout);
    // Keras `[k…, out, in]` → ONNX ConvTranspose `[in, out, k…]`.
    const kernel = kernelToOnnx(required(ctx, 'kernel'));
    const n = kernel.shape.length - 2;
    const sizes = spatialSizes(ctx.inputShapes[0] ?? [], n, p);
    const outSizes = spatialSizes(ctx.outputShapes[0] ?? [], n, p);
    const begins: number[] = [];
    const ends: number[] = [];
    const outputPadding: number[] = [];
    for (let i = 0; i < n; i++) {
      const size = sizes[i] ?? 1;
      const out = outSizes[i] ?? 1;
      const s = p.strides[i] ?? 1;
      const k = p.kernelSize[i] ?? 1;
      const full = (size - 1) * s + k;
      const total = Math.max(full - out, 0);
      begins.push(Math.floor(total / 2));
      ends.push(total - Math.floor(total / 2));
      outputPadding.push(Math.max(out - full, 0));
    }
    const inputs = [x.name, ctx.b.floats(`${ctx.name}/W`, kernel.shape, kernel.values as Float32Array)];
    if (p.useBias) {
      const bias = required(ctx, 'bias');
      inputs.push(ctx.b.floats(`${ctx.name}/B`, bias.shape, bias.values as Float32Array));
    }
    const y = ctx.b.op1('ConvTranspose', inputs, ctx.name, {
      kernel_shape: kernel.shape.slice(2),
      strides: p.strides,
      pads: [...begins, ...ends],
      output_padding: outputPadding,
    });
    return finish(ctx, p, y, layout, x.rank);
  },
};
