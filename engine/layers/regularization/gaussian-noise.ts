import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';
import { noInferenceFlops } from './rate';

export const gaussianNoise = defineLayer({
  type: 'gaussianNoise',
  label: 'GaussianNoise',
  category: 'regularization',
  doc: 'During training, adds random noise (normally distributed, centred on zero) to every value, so the network learns to tolerate small perturbations; a form of data augmentation that reduces overfitting. When the model predicts, values pass unchanged. Often placed right after the input.',
  params: z
    .object({
      stddev: z
        .number()
        .min(0)
        .max(1e6)
        .default(0.1)
        .describe('Standard deviation of the added noise, in the units of the input. Choose it relative to the spread of your data.'),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x]) => [[...(x ?? [])]],
  countParams: () => NO_PARAMS,
  flops: noInferenceFlops,
  build: (tf, p, { name }) => tf.layers.gaussianNoise({ stddev: p.stddev, name }),
  keras: { className: 'GaussianNoise' },
  summary: (p) => `σ ${p.stddev}`,
});
