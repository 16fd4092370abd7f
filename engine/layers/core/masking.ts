import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';

export const masking = defineLayer({
  type: 'masking',
  label: 'Masking',
  category: 'core',
  doc: 'Marks padding steps in a sequence so that later recurrent layers skip them: a time step whose features all equal the mask value is ignored (and set to zero). Use it at the start of a sequence model when shorter sequences were padded to a common length.',
  params: z
    .object({
      maskValue: z.number().default(0).describe('Padding value: a time step whose features all equal it is skipped by the layers after.'),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x]) => [[...(x ?? [])]],
  countParams: () => NO_PARAMS,
  build: (tf, p, { name }) => tf.layers.masking({ maskValue: p.maskValue, name }),
  keras: { className: 'Masking' },
  summary: (p) => (p.maskValue === 0 ? '' : `= ${p.maskValue}`),
});
