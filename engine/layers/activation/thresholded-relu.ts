import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';

export const thresholdedRelu = defineLayer({
  type: 'thresholdedRelu',
  label: 'ThresholdedReLU',
  category: 'activation',
  doc: 'Passes a value through only when it is above a threshold and sets it to zero otherwise, so weak signals are silenced entirely. A sparser variant of ReLU, occasionally used in autoencoders.',
  params: z
    .object({
      theta: z
        .number()
        .min(0)
        .max(1e6)
        .default(1)
        .describe('Threshold: values at or below it become zero, values above it pass unchanged.'),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x]) => [[...(x ?? [])]],
  countParams: () => NO_PARAMS,
  build: (tf, p, { name }) => tf.layers.thresholdedReLU({ theta: p.theta, name }),
  keras: { className: 'ThresholdedReLU' },
  summary: (p) => `θ ${p.theta}`,
});
