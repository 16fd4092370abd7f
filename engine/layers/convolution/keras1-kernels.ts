import { reshape, transpose, type WeightArray } from '../../import/weight-arrays';
import type { KerasH5Layout } from '../weight-layout';

/**
 * How Keras 1 stored convolution kernels, and how its own loader (`preprocess_weights_for_loading`)
 * turned them into Keras 2's (…spatial, in, out), which is TF.js's too.
 */

type ConvParams = { dataFormat?: string; filters?: number };

/** Theano-trained files hold these flipped: Theano convolves where TensorFlow correlates. */
const FLIPPED = ['kernel'] as const;

/** Conv2D / Conv3D: channels-first layers kept their kernels as (out, in, …spatial). */
export function keras1ConvLayout(n: 2 | 3): KerasH5Layout<ConvParams> {
  const perm = n === 2 ? [2, 3, 1, 0] : [2, 3, 4, 1, 0];
  return {
    keras1Kernel: (kernel, p) => (p.dataFormat === 'channelsFirst' && kernel.shape.length === n + 2 ? transpose(kernel, perm) : kernel),
    theanoFlipped: FLIPPED,
  };
}

/** Conv2DTranspose: (…spatial, in, out) swapped to (…spatial, out, in), channels-first ones also (out, in, …spatial) first. */
export const keras1Conv2dTransposeLayout: KerasH5Layout<ConvParams> = {
  keras1Kernel: (kernel, p) =>
    kernel.shape.length === 4 ? transpose(kernel, p.dataFormat === 'channelsFirst' ? [2, 3, 0, 1] : [0, 1, 3, 2]) : kernel,
  theanoFlipped: FLIPPED,
};

/** Conv1D was a Conv2D over a width of 1: Keras 1.2 kept (length, 1, in, filters), Keras 1.1 (filters, in, length, 1). */
export const keras1Conv1dLayout: KerasH5Layout<ConvParams> = {
  keras1Kernel: (kernel: WeightArray, p) => {
    if (kernel.shape.length !== 4) return kernel;
    const [a = 0, , , d = 0] = kernel.shape;
    const legacy = a === p.filters && d === 1 ? transpose(kernel, [2, 3, 1, 0]) : kernel;
    const [length = 1, one, input = 1, filters = 1] = legacy.shape;
    return one === 1 ? reshape(legacy, [length, input, filters]) : kernel;
  },
  theanoFlipped: FLIPPED,
};
