import { z } from 'zod';
import { elementsPerSample } from '../../shape';
import { dataFormat, expectRank } from '../common';
import { defineLayer, NO_PARAMS } from '../spec';

export const flatten = defineLayer({
  type: 'flatten',
  label: 'Flatten',
  category: 'core',
  doc: 'Unrolls each sample into one long list of numbers, e.g. a 7×7×64 feature map into 3,136 values, without changing any of them. Put it between the convolutional part of a network and the Dense layers that classify. Every size except the batch must be known.',
  params: z
    .object({
      dataFormat: dataFormat(),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 3 },
  outputShape: ([x]) => {
    const shape = x ?? [];
    // TF.js asks for at least two axes per sample: a flat (batch, n) input is refused, not passed through.
    if (shape.length === 2) {
      return {
        code: 'rank_mismatch',
        port: 0,
        message: 'Flatten expects at least 2 dimensions per sample, but its input is already flat.',
        hint: 'Remove the Flatten layer; the input needs no flattening.',
      };
    }
    const rank = expectRank(shape, 3, 8, 'Flatten');
    if (rank) return rank;
    const size = elementsPerSample(shape);
    if (size === null) {
      return {
        code: 'shape_mismatch',
        port: 0,
        message: 'Flatten needs every size of its input known, but at least one axis varies.',
        hint: 'Give the Input layer a fixed size on every axis, or use a GlobalPooling layer to drop the varying axis.',
      };
    }
    return [[shape[0] ?? null, size]];
  },
  countParams: () => NO_PARAMS,
  // Only rearranges memory.
  flops: () => 0,
  build: (tf, p, { name }) => tf.layers.flatten({ dataFormat: p.dataFormat, name }),
  keras: { className: 'Flatten' },
});
