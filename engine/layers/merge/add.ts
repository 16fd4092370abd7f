import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';
import { elementwiseMergeShape } from './elementwise';

export const add = defineLayer({
  type: 'add',
  label: 'Add',
  category: 'merge',
  doc: 'Adds tensors of the same shape element by element. The join of a residual (skip) connection: the block learns only what to add to its input.',
  params: z.object({}).strict(),
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  outputShape: (inputs) => elementwiseMergeShape(inputs, 'Add'),
  countParams: () => NO_PARAMS,
  build: (tf, _p, { name }) => tf.layers.add({ name }),
  keras: { className: 'Add' },
});
