import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';
import { dropRate, noInferenceFlops } from './rate';

export const gaussianDropout = defineLayer({
  type: 'gaussianDropout',
  label: 'GaussianDropout',
  category: 'regularization',
  doc: 'During training, multiplies every value by random noise centred on 1 instead of dropping values outright; a smoother variant of Dropout with the same purpose, reducing overfitting. When the model predicts, values pass unchanged.',
  params: z
    .object({
      rate: dropRate(0.2, 'Strength of the noise, comparable to a Dropout rate: the noise’s standard deviation is √(rate / (1 − rate)).'),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x]) => [[...(x ?? [])]],
  countParams: () => NO_PARAMS,
  flops: noInferenceFlops,
  build: (tf, p, { name }) => tf.layers.gaussianDropout({ rate: p.rate, name }),
  keras: { className: 'GaussianDropout' },
  summary: (p) => `${p.rate}`,
});
