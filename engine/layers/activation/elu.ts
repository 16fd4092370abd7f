import { z } from 'zod';
import { elementsPerSample } from '../../shape';
import { defineLayer, NO_PARAMS } from '../spec';

export const elu = defineLayer({
  type: 'elu',
  label: 'ELU',
  category: 'activation',
  doc: 'Exponential linear unit: positive values pass unchanged, negative values curve smoothly towards −1 instead of being cut to zero. Keeps the average activation near zero, which can speed up training compared with ReLU.',
  params: z
    .object({
      alpha: z
        .number()
        .min(0)
        .max(1000)
        .default(1)
        .describe('Value that large negative inputs approach (as −alpha). TF.js only supports 1.'),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x], p) => {
    if (p.alpha !== 1) {
      return {
        code: 'invalid_param',
        field: 'alpha',
        message: `TF.js's ELU layer only supports alpha = 1, not ${p.alpha}.`,
        hint: 'Set alpha to 1.',
      };
    }
    return [[...(x ?? [])]];
  },
  countParams: () => NO_PARAMS,
  // An exponential and a select per value.
  flops: (_inputs, [y]) => 2 * (elementsPerSample(y ?? []) ?? 0),
  build: (tf, p, { name }) => tf.layers.elu({ alpha: p.alpha, name }),
  keras: { className: 'ELU' },
});
