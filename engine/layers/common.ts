import { z } from 'zod';
import type { LayerIssue } from '../diagnostics';
import type { Shape } from '../shape';
import type { Tf } from './spec';

/** Activation functions TF.js 4.22 knows, by their TF.js ids. */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'relu6',
  'elu',
  'selu',
  'sigmoid',
  'hardSigmoid',
  'tanh',
  'softmax',
  'softplus',
  'softsign',
  'swish',
  'mish',
  'gelu',
  'gelu_new',
] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** Weight initializers TF.js 4.22 knows, by their TF.js ids. */
export const INITIALIZERS = [
  'glorotUniform',
  'glorotNormal',
  'heUniform',
  'heNormal',
  'leCunUniform',
  'leCunNormal',
  'zeros',
  'ones',
  'randomUniform',
  'randomNormal',
  'truncatedNormal',
  'orthogonal',
  'identity',
  'varianceScaling',
] as const;
export type Initializer = (typeof INITIALIZERS)[number];

export const activation = (fallback: Activation = 'linear', what = 'the output') =>
  z
    .enum(ACTIVATIONS)
    .default(fallback)
    .describe(
      `Function applied to ${what}: relu for hidden layers, softmax for class probabilities, sigmoid for yes/no, linear for numbers.`,
    );

export const initializer = (fallback: Initializer, what: string) =>
  z.enum(INITIALIZERS).default(fallback).describe(`How the ${what} are set before training starts.`);

/** L1/L2 weight penalty; `null` for none. */
export const regularizer = (what: string) =>
  z
    .object({
      l1: z.number().min(0).default(0).describe('Penalty on the sum of absolute weights.'),
      l2: z.number().min(0).default(0).describe('Penalty on the sum of squared weights.'),
    })
    .strict()
    .nullable()
    .default(null)
    .describe(`Penalty on large ${what}, which discourages overfitting.`);

export const biasParam = () => z.boolean().default(true).describe('Add a learned offset to each output.');

export const positiveInt = (fallback: number, description: string, max = 1_000_000) =>
  z.number().int().min(1).max(max).default(fallback).describe(description);

/**
 * A size given per spatial axis, e.g. a kernel of 3×3. Accepts one number for every axis or a list of
 * `n`; always yields the list, which is what both TF.js and Keras files contain.
 */
export const intTuple = (n: number, fallback: number | number[], description: string, min = 1) =>
  z
    .union([z.number().int().min(min).max(100_000), z.array(z.number().int().min(min).max(100_000)).length(n)])
    .default(fallback)
    .transform((v) => (typeof v === 'number' ? Array.from({ length: n }, () => v) : v))
    .describe(description);

export const padding = (options: readonly ['valid', 'same', ...string[]] = ['valid', 'same']) =>
  z
    .enum(options as ['valid', 'same', ...string[]])
    .default('valid')
    .describe(
      '"valid" uses only whole windows, so the output shrinks; "same" pads the edges so the output keeps the input size (divided by the stride).',
    );

export const dataFormat = () =>
  z
    .enum(['channelsLast', 'channelsFirst'])
    .default('channelsLast')
    .describe('Where the channel axis is: last (height, width, channels — the usual) or first.');

/** Rank check shared by specs: returns an issue when the input rank is outside [min, max]. */
export function expectRank(shape: Shape, min: number, max: number, what: string, port = 0): LayerIssue | null {
  if (shape.length >= min && shape.length <= max) return null;
  const want = min === max ? `${min - 1}` : `${min - 1} to ${max - 1}`;
  return {
    code: 'rank_mismatch',
    port,
    message: `${what} expects inputs with ${want} dimensions per sample, but gets ${shape.length - 1}.`,
    hint: shape.length > max ? 'Add a Flatten or Reshape layer before it.' : 'Add a Reshape layer before it to add the missing axis.',
  };
}

/** Issue for a channel/feature axis whose size must be known to create weights. */
export function unknownDim(what: string, axis: string, port = 0): LayerIssue {
  return {
    code: 'shape_mismatch',
    port,
    message: `${what} needs the ${axis} of its input to be known, but it is not.`,
    hint: 'Give the Input layer a fixed size on that axis.',
  };
}

/** Output length of a convolution or pooling window along one axis (TF.js `convOutputLength`). */
export function convOutputLength(length: number | null, window: number, padding: string, stride: number, dilation = 1): number | null {
  if (length === null) return null;
  const dilated = window + (window - 1) * (dilation - 1);
  const full = padding === 'same' || padding === 'causal' ? length : length - dilated + 1;
  return Math.floor((full + stride - 1) / stride);
}

/** Output length of a transposed convolution along one axis (TF.js `deconvLength`). */
export function deconvLength(length: number | null, stride: number, window: number, padding: string): number | null {
  if (length === null) return null;
  if (padding === 'valid') return length * stride + Math.max(window - stride, 0);
  if (padding === 'full') return length * stride - (stride + window - 2);
  return length * stride;
}

/** Issue when a window does not fit: a spatial dimension would be zero or negative. */
export function checkPositive(shape: Shape, what: string): LayerIssue | null {
  const bad = shape.findIndex((d, i) => i > 0 && d !== null && d <= 0);
  if (bad < 0) return null;
  return {
    code: 'invalid_shape',
    message: `${what} would produce a dimension of size ${shape[bad]} (axis ${bad}): the input is too small for the window.`,
    hint: 'Use a smaller kernel or stride, "same" padding, or a larger input.',
  };
}

/** TF.js regularizer object for an optional L1/L2 penalty. */
export function l1l2(tf: Tf, penalty: { l1: number; l2: number } | null) {
  return penalty ? tf.regularizers.l1l2(penalty) : undefined;
}
