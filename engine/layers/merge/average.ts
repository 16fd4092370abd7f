import { z } from 'zod';
import { elementsPerSample } from '../../shape';
import { defineLayer, NO_PARAMS } from '../spec';
import { elementwiseMergeShape } from './elementwise';

export const average = defineLayer({
  type: 'average',
  label: 'Average',
  category: 'merge',
  doc: 'Averages tensors of the same shape element by element. Useful for ensembles, where several branches make the same kind of prediction and their mean is more reliable than any one of them.',
  params: z.object({}).strict(),
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  outputShape: (inputs) => elementwiseMergeShape(inputs, 'Average'),
  countParams: () => NO_PARAMS,
  // n − 1 additions and one division per value.
  flops: (inputs, [y]) => inputs.length * (elementsPerSample(y ?? []) ?? 0),
  build: (tf, _p, { name }) => tf.layers.average({ name }),
  keras: { className: 'Average' },
});
