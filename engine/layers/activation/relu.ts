import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';

export const relu = defineLayer({
  type: 'relu',
  label: 'ReLU',
  category: 'activation',
  doc: 'Rectified linear unit: keeps positive values and turns negative ones into zero, optionally capping large values. The default non-linearity of modern networks, as a separate layer (e.g. after BatchNormalization). With a cap of 6 it is the ReLU6 used in mobile networks.',
  params: z
    .object({
      maxValue: z.number().min(0).nullable().default(null).describe('Upper cap on the output (6 gives ReLU6); empty for no cap.'),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x]) => [[...(x ?? [])]],
  countParams: () => NO_PARAMS,
  build: (tf, p, { name }) => tf.layers.reLU({ maxValue: p.maxValue ?? undefined, name }),
  keras: { className: 'ReLU' },
  summary: (p) => (p.maxValue === null ? '' : `max ${p.maxValue}`),
});
