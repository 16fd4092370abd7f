import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';
import { dropRate, noInferenceFlops } from './rate';

export const alphaDropout = defineLayer({
  type: 'alphaDropout',
  label: 'AlphaDropout',
  category: 'regularization',
  doc: 'Dropout made for self-normalising networks (Dense layers with the selu activation): during training it drops values to selu’s resting value and rescales, keeping the mean and spread of the activations unchanged. Use it instead of Dropout in such networks; when the model predicts, values pass unchanged.',
  params: z
    .object({
      rate: dropRate(0.1, 'Fraction of the inputs dropped at each training step; 0.05–0.1 is typical.'),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x]) => [[...(x ?? [])]],
  countParams: () => NO_PARAMS,
  flops: noInferenceFlops,
  build: (tf, p, { name }) => tf.layers.alphaDropout({ rate: p.rate, name }),
  keras: { className: 'AlphaDropout' },
  summary: (p) => `${p.rate}`,
});
