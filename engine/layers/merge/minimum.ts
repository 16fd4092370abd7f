import { z } from 'zod';
import { elementsPerSample } from '../../shape';
import { defineLayer, NO_PARAMS } from '../spec';
import { elementwiseMergeShape } from './elementwise';

export const minimum = defineLayer({
  type: 'minimum',
  label: 'Minimum',
  category: 'merge',
  doc: 'Takes the smallest value at each position across tensors of the same shape, e.g. to keep a conservative estimate from several branches or to cap one branch by another.',
  params: z.object({}).strict(),
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  outputShape: (inputs) => elementwiseMergeShape(inputs, 'Minimum'),
  countParams: () => NO_PARAMS,
  flops: (inputs, [y]) => (inputs.length - 1) * (elementsPerSample(y ?? []) ?? 0),
  build: (tf, _p, { name }) => tf.layers.minimum({ name }),
  keras: { className: 'Minimum' },
});
