import type { OpNode } from '../onnx/import/op-graph';
import type { TensorValues } from '../onnx/tensors';
import { type CaffeLayer, layerParam, paramNumber } from './caffe-net';
import { field, fields, type TextMessage } from './prototxt';

/**
 * Caffe layer types in ONNX's vocabulary, so the ONNX converter turns them into layers. Each entry
 * returns the operations and names the weights it reads (`weight(k, dims)`: blob `k` of the layer,
 * or a stand-in of those dims when no `.caffemodel` is given).
 */
export interface CaffeOpContext {
  layer: CaffeLayer;
  /** The current names of the layer's inputs and (fresh) names of its outputs. */
  inputs: string[];
  outputs: string[];
  /** A weight input: blob `k`, with the ONNX dims it must have given the first input's ONNX shape. */
  weight(k: number, dims: (input: readonly (number | null)[]) => number[], fill?: number): string;
  /** An int64 constant (a shape). */
  ints(values: number[]): string;
  /** A fresh intermediate tensor name. */
  temp(): string;
}

export type CaffeTranslator = (ctx: CaffeOpContext) => OpNode[];

const node = (ctx: CaffeOpContext, op: string, inputs: string[], outputs: string[], attrs: OpNode['attrs'] = {}): OpNode => ({
  op,
  name: ctx.layer.name,
  inputs,
  outputs,
  attrs,
});

/** A size given as `kernel_size` (one or two values) or `kernel_h`/`kernel_w`. */
function pair(param: TextMessage | undefined, name: string, fallback: number): [number, number] {
  if (!param) return [fallback, fallback];
  const h = field(param, `${name}_h`);
  const w = field(param, `${name}_w`);
  if (typeof h === 'number' && typeof w === 'number') return [h, w];
  const values = fields(param, name === 'kernel' ? 'kernel_size' : name).map(Number);
  if (values.length === 0) return [fallback, fallback];
  return [values[0] as number, (values[1] ?? values[0]) as number];
}

const channels = (input: readonly (number | null)[]) => input[1] ?? 1;
const features = (input: readonly (number | null)[]) => input.slice(1).reduce<number>((a, b) => a * (b ?? 1), 1);

const convolution: CaffeTranslator = (ctx) => {
  const p = layerParam(ctx.layer, 'convolution_param');
  const out = paramNumber(p, 'num_output', 1);
  const group = paramNumber(p, 'group', 1);
  const kernel = pair(p, 'kernel', 1);
  const [ph, pw] = pair(p, 'pad', 0);
  const strides = pair(p, 'stride', 1);
  const dilations = pair(p, 'dilation', 1);
  const bias = p ? field(p, 'bias_term') !== false : true;
  const transposed = ctx.layer.type === 'Deconvolution';
  const w = ctx.weight(0, (input) => (transposed ? [channels(input), out / group, ...kernel] : [out, channels(input) / group, ...kernel]));
  const inputs = [ctx.inputs[0] as string, w, ...(bias ? [ctx.weight(1, () => [out], 0)] : [])];
  return [
    node(ctx, transposed ? 'ConvTranspose' : 'Conv', inputs, [ctx.outputs[0] as string], {
      kernel_shape: kernel,
      strides,
      pads: [ph, pw, ph, pw],
      dilations,
      group,
    }),
  ];
};

/** Caffe pools round their output size up (ceil mode) and average over the padding too. */
const pooling: CaffeTranslator = (ctx) => {
  const p = layerParam(ctx.layer, 'pooling_param');
  const method = p ? field(p, 'pool') : undefined;
  const average = method === 'AVE' || method === 1;
  if (method === 'STOCHASTIC' || method === 2)
    return [{ ...node(ctx, 'caffe.Pooling', ctx.inputs, ctx.outputs), label: 'Pooling (stochastic)' }];
  if (p && field(p, 'global_pooling') === true)
    return [node(ctx, average ? 'GlobalAveragePool' : 'GlobalMaxPool', [ctx.inputs[0] as string], [ctx.outputs[0] as string])];
  const kernel = pair(p, 'kernel', 1);
  const [ph, pw] = pair(p, 'pad', 0);
  const strides = pair(p, 'stride', 1);
  return [
    node(ctx, average ? 'AveragePool' : 'MaxPool', [ctx.inputs[0] as string], [ctx.outputs[0] as string], {
      kernel_shape: kernel,
      strides,
      pads: [ph, pw, ph, pw],
      ceil_mode: 1,
      ...(average ? { count_include_pad: 1 } : {}),
    }),
  ];
};

/** InnerProduct flattens everything after the batch axis, then applies `x · Wᵀ + b`. */
const innerProduct: CaffeTranslator = (ctx) => {
  const p = layerParam(ctx.layer, 'inner_product_param');
  const out = paramNumber(p, 'num_output', 1);
  const bias = p ? field(p, 'bias_term') !== false : true;
  if (paramNumber(p, 'axis', 1) !== 1 || (p && field(p, 'transpose') === true))
    return [{ ...node(ctx, 'caffe.InnerProduct', ctx.inputs, ctx.outputs), label: 'InnerProduct (axis ≠ 1 or transposed)' }];
  const flat = ctx.temp();
  const w = ctx.weight(0, (input) => [out, features(input)]);
  return [
    node(ctx, 'Flatten', [ctx.inputs[0] as string], [flat], { axis: 1 }),
    node(ctx, 'Gemm', [flat, w, ...(bias ? [ctx.weight(1, () => [out], 0)] : [])], [ctx.outputs[0] as string], { transB: 1 }),
  ];
};

const relu: CaffeTranslator = (ctx) => {
  const slope = paramNumber(layerParam(ctx.layer, 'relu_param'), 'negative_slope', 0);
  return [
    node(
      ctx,
      slope === 0 ? 'Relu' : 'LeakyRelu',
      [ctx.inputs[0] as string],
      [ctx.outputs[0] as string],
      slope === 0 ? {} : { alpha: slope },
    ),
  ];
};

const simple =
  (op: string, attrs: (ctx: CaffeOpContext) => OpNode['attrs'] = () => ({})): CaffeTranslator =>
  (ctx) => [node(ctx, op, [ctx.inputs[0] as string], [ctx.outputs[0] as string], attrs(ctx))];

const eltwise: CaffeTranslator = (ctx) => {
  const p = layerParam(ctx.layer, 'eltwise_param');
  const operation = p ? field(p, 'operation') : 'SUM';
  const coeffs = p ? fields(p, 'coeff').map(Number) : [];
  if ((operation === 'SUM' || operation === 1 || operation === undefined) && coeffs.every((c) => c === 1))
    return [node(ctx, 'Sum', ctx.inputs, ctx.outputs)];
  if ((operation === 'PROD' || operation === 0) && ctx.inputs.length === 2) return [node(ctx, 'Mul', ctx.inputs, ctx.outputs)];
  if (operation === 'MAX' || operation === 2) return [node(ctx, 'Max', ctx.inputs, ctx.outputs)];
  return [{ ...node(ctx, 'caffe.Eltwise', ctx.inputs, ctx.outputs), label: 'Eltwise (weighted sum)' }];
};

const concat: CaffeTranslator = (ctx) => {
  const p = layerParam(ctx.layer, 'concat_param');
  const axis = p ? Number(field(p, 'axis') ?? field(p, 'concat_dim') ?? 1) : 1;
  return [node(ctx, 'Concat', ctx.inputs, [ctx.outputs[0] as string], { axis })];
};

const reshape: CaffeTranslator = (ctx) => {
  const shape = layerParam(ctx.layer, 'reshape_param');
  const dims = shape ? fields((field(shape, 'shape') as TextMessage | undefined) ?? { fields: new Map() }, 'dim').map(Number) : [];
  return [node(ctx, 'Reshape', [ctx.inputs[0] as string, ctx.ints(dims)], [ctx.outputs[0] as string])];
};

const prelu: CaffeTranslator = (ctx) => [
  node(ctx, 'PRelu', [ctx.inputs[0] as string, ctx.weight(0, (input) => [channels(input), 1, 1], 0.25)], [ctx.outputs[0] as string]),
];

/** BatchNorm stores mean and variance scaled by a factor (its third blob); the next Scale layer's γ and β are folded in by the caller. */
export function batchNorm(
  ctx: CaffeOpContext,
  scale: { gamma: string; beta: string } | undefined,
  stats: { mean: string; variance: string },
): OpNode[] {
  const eps = paramNumber(layerParam(ctx.layer, 'batch_norm_param'), 'eps', 1e-5);
  const gamma = scale?.gamma ?? ctx.weight(-1, (input) => [channels(input)], 1);
  const beta = scale?.beta ?? ctx.weight(-2, (input) => [channels(input)], 0);
  return [
    node(ctx, 'BatchNormalization', [ctx.inputs[0] as string, gamma, beta, stats.mean, stats.variance], [ctx.outputs[0] as string], {
      epsilon: eps,
    }),
  ];
}

export const CAFFE_TRANSLATORS: Record<string, CaffeTranslator> = {
  Convolution: convolution,
  Deconvolution: convolution,
  Pooling: pooling,
  InnerProduct: innerProduct,
  ReLU: relu,
  Sigmoid: simple('Sigmoid'),
  TanH: simple('Tanh'),
  ELU: simple('Elu', (ctx) => ({ alpha: paramNumber(layerParam(ctx.layer, 'elu_param'), 'alpha', 1) })),
  PReLU: prelu,
  Softmax: simple('Softmax', (ctx) => ({ axis: paramNumber(layerParam(ctx.layer, 'softmax_param'), 'axis', 1) })),
  Dropout: simple('Dropout', (ctx) => ({ ratio: paramNumber(layerParam(ctx.layer, 'dropout_param'), 'dropout_ratio', 0.5) })),
  LRN: simple('LRN', (ctx) => ({ size: paramNumber(layerParam(ctx.layer, 'lrn_param'), 'local_size', 5) })),
  Eltwise: eltwise,
  Concat: concat,
  Flatten: simple('Flatten', (ctx) => ({ axis: paramNumber(layerParam(ctx.layer, 'flatten_param'), 'axis', 1) })),
  Reshape: reshape,
};

export type { TensorValues };
