import { z } from 'zod';
import { elementsPerSample } from '../../shape';
import { defineLayer, NO_PARAMS } from '../spec';
import { elementwiseMergeShape } from './elementwise';

export const maximum = defineLayer({
  type: 'maximum',
  label: 'Maximum',
  category: 'merge',
  doc: 'Takes the largest value at each position across tensors of the same shape. Combines branches that detect the same features in different ways, keeping the strongest response (as in maxout networks).',
  params: z.object({}).strict(),
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  outputShape: (inputs) => elementwiseMergeShape(inputs, 'Maximum'),
  countParams: () => NO_PARAMS,
  flops: (inputs, [y]) => (inputs.length - 1) * (elementsPerSample(y ?? []) ?? 0),
  build: (tf, _p, { name }) => tf.layers.maximum({ name }),
  keras: { className: 'Maximum' },
});
