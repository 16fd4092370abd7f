import {
  type Activation,
  activation,
  biasParam,
  dataFormat,
  type Initializer,
  initializer,
  intTuple,
  l1l2,
  padding,
  positiveInt,
  regularizer,
} from '../common';
import type { BuildContext, Tf } from '../spec';
import type { DataFormat, SpatialRank } from './spatial';

/**
 * Parameter schemas and TF.js argument mappings shared by the convolution specs, so that every
 * member of the family describes the same setting with the same words.
 */

type Penalty = { l1: number; l2: number } | null;

const WINDOW_AXES: Record<SpatialRank, string> = { 1: 'Length', 2: 'Height and width', 3: 'Depth, height and width' };
const TYPICAL: Record<SpatialRank, string> = {
  1: '3 to 7 steps is common.',
  2: '3×3 is the common choice.',
  3: '3×3×3 is the common choice.',
};

export const filters = () =>
  positiveInt(32, 'Number of filters, i.e. output channels. Often doubles after each pooling step: 32, 64, 128.');

export const kernelSize = (n: SpatialRank) => intTuple(n, 3, `${WINDOW_AXES[n]} of each filter. ${TYPICAL[n]}`);

export const strides = (n: SpatialRank) => intTuple(n, 1, `Step between filter positions. 2 halves the ${WINDOW_AXES[n].toLowerCase()}.`);

/** Strides of a transposed convolution, which multiply the size instead of dividing it. */
export const upStrides = (n: SpatialRank) =>
  intTuple(n, 1, `Upsampling factor, the mirror image of a convolution's stride: 2 doubles the ${WINDOW_AXES[n].toLowerCase()}.`);

export const dilationRate = (n: SpatialRank) =>
  intTuple(n, 1, 'Spacing between filter taps; >1 widens the view without more weights. Cannot be combined with strides > 1.');

export const depthMultiplier = () =>
  positiveInt(1, 'Outputs per input channel: each channel is filtered on its own into this many channels.', 1024);

/** The weights of an ordinary filter bank. */
export const kernelWeights = () => ({
  kernelInitializer: initializer('glorotUniform', 'filter weights'),
  kernelRegularizer: regularizer('filter weights'),
});

/** The per-channel filters of depthwise and separable convolutions. */
export const depthwiseWeights = () => ({
  depthwiseInitializer: initializer('glorotUniform', 'per-channel filter weights'),
  depthwiseRegularizer: regularizer('per-channel filter weights'),
});

export const biasWeights = () => ({
  useBias: biasParam(),
  biasInitializer: initializer('zeros', 'biases'),
  biasRegularizer: regularizer('biases'),
});

/** The fields of a standard n-d convolution, in inspector order; specs drop or replace what they lack. */
export const convFields = (n: SpatialRank) => ({
  filters: filters(),
  kernelSize: kernelSize(n),
  strides: strides(n),
  padding: padding(),
  dataFormat: dataFormat(),
  dilationRate: dilationRate(n),
  activation: activation('linear'),
  ...kernelWeights(),
  ...biasWeights(),
});

/**
 * The fields of a transposed convolution: strides upsample, padding is "valid" or "same", and there
 * is no dilation (TF.js 4.22 ignores it for transposed convolutions and drops it when saving).
 */
export const transposedFields = (n: SpatialRank) => {
  const { dilationRate: _ignoredByTfjs, ...fields } = convFields(n);
  return {
    ...fields,
    strides: upStrides(n),
    padding: padding().describe(
      '"same" makes the output exactly the input size times the strides; "valid" adds the overhang of the filter beyond the stride (kernel size − stride, if positive).',
    ),
  };
};

/** Resolved params of a standard, transposed or 1-d convolution (the last two lack some fields). */
export interface ConvParams {
  filters: number;
  kernelSize: number[];
  strides: number[];
  padding: string;
  dataFormat?: DataFormat;
  dilationRate?: number[];
  activation: Activation;
  kernelInitializer: Initializer;
  kernelRegularizer: Penalty;
  useBias: boolean;
  biasInitializer: Initializer;
  biasRegularizer: Penalty;
}

type ConvArgs = Parameters<Tf['layers']['conv2d']>[0];

/** TF.js arguments for `tf.layers.conv1d/2d/3d` and their transposed forms; absent fields keep TF.js defaults. */
export function convArgs(tf: Tf, p: ConvParams, { name, trainable }: BuildContext): ConvArgs {
  return {
    filters: p.filters,
    kernelSize: p.kernelSize,
    strides: p.strides,
    padding: p.padding as ConvArgs['padding'],
    ...(p.dataFormat ? { dataFormat: p.dataFormat } : {}),
    ...(p.dilationRate ? { dilationRate: p.dilationRate as ConvArgs['dilationRate'] } : {}),
    activation: p.activation,
    ...kernelArgs(tf, p),
    ...biasArgs(tf, p),
    name,
    trainable,
  };
}

export function kernelArgs(tf: Tf, p: { kernelInitializer: Initializer; kernelRegularizer: Penalty }) {
  return { kernelInitializer: p.kernelInitializer, kernelRegularizer: l1l2(tf, p.kernelRegularizer) };
}

export function depthwiseArgs(tf: Tf, p: { depthwiseInitializer: Initializer; depthwiseRegularizer: Penalty }) {
  return { depthwiseInitializer: p.depthwiseInitializer, depthwiseRegularizer: l1l2(tf, p.depthwiseRegularizer) };
}

export function biasArgs(tf: Tf, p: { useBias: boolean; biasInitializer: Initializer; biasRegularizer: Penalty }) {
  return { useBias: p.useBias, biasInitializer: p.biasInitializer, biasRegularizer: l1l2(tf, p.biasRegularizer) };
}

/**
 * Node-face text such as `32 · 3×3 /2 · relu`: the head (filter count), the kernel, the strides when
 * they are not 1 (marked `/` for downsampling, `↑` for transposed upsampling) and a non-linear activation.
 */
export function convSummary(p: { kernelSize: number[]; strides: number[]; activation: string }, head?: string, strideMark = '/'): string {
  const stride = p.strides.some((s) => s > 1) ? ` ${strideMark}${p.strides.join('×')}` : '';
  const parts = [head, `${p.kernelSize.join('×')}${stride}`, p.activation === 'linear' ? undefined : p.activation];
  return parts.filter((part) => part !== undefined).join(' · ');
}
