import { z } from 'zod';
import { expectRank } from '../common';
import { defineLayer, NO_PARAMS } from '../spec';
import { dropRate, noInferenceFlops, seed } from './rate';

export const spatialDropout1d = defineLayer({
  type: 'spatialDropout1d',
  label: 'SpatialDropout1D',
  category: 'regularization',
  doc: 'Dropout for sequences: during training it drops whole feature channels for every time step at once, instead of single values. Neighbouring steps are strongly related, so dropping single values barely regularises; dropping whole channels does. Use it after Embedding or Conv1D layers.',
  params: z
    .object({
      rate: dropRate(0.2, 'Fraction of the feature channels dropped at each training step, from 0 to just under 1.'),
      seed: seed(),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 3, maxRank: 3 },
  outputShape: ([x]) => {
    const shape = x ?? [];
    return expectRank(shape, 3, 3, 'SpatialDropout1D') ?? [[...shape]];
  },
  countParams: () => NO_PARAMS,
  flops: noInferenceFlops,
  // Its TF.js args are typed as a JSON dict, which has no room for an undefined seed.
  build: (tf, p, { name }) => tf.layers.spatialDropout1d({ rate: p.rate, name, ...(p.seed === null ? {} : { seed: p.seed }) }),
  keras: { className: 'SpatialDropout1D' },
  summary: (p) => `${p.rate}`,
});
