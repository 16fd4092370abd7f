import { z } from 'zod';
import { elementsPerSample } from '../../shape';
import { defineLayer, NO_PARAMS } from '../spec';
import { elementwiseMergeShape } from './elementwise';

export const multiply = defineLayer({
  type: 'multiply',
  label: 'Multiply',
  category: 'merge',
  doc: 'Multiplies tensors of the same shape element by element. Used for gating, where one branch (often with a sigmoid) decides how much of another branch passes, as in squeeze-and-excitation blocks and attention.',
  params: z.object({}).strict(),
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  outputShape: (inputs) => elementwiseMergeShape(inputs, 'Multiply'),
  countParams: () => NO_PARAMS,
  flops: (inputs, [y]) => (inputs.length - 1) * (elementsPerSample(y ?? []) ?? 0),
  build: (tf, _p, { name }) => tf.layers.multiply({ name }),
  keras: { className: 'Multiply' },
});
