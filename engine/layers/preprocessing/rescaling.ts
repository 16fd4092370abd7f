import { z } from 'zod';
import { elementsPerSample } from '../../shape';
import { defineLayer, NO_PARAMS } from '../spec';

export const rescaling = defineLayer({
  type: 'rescaling',
  label: 'Rescaling',
  category: 'preprocessing',
  doc: 'Multiplies every value by a fixed scale and adds a fixed offset, e.g. turns pixel values 0–255 into 0–1 (scale 1/255) or into −1…1 (scale 1/127.5, offset −1). Put it right after the input so the model accepts raw data and the scaling travels with it.',
  params: z
    .object({
      scale: z
        .number()
        .default(1 / 255)
        .describe('Factor every value is multiplied by; 1/255 ≈ 0.00392 maps pixel values 0–255 to 0–1.'),
      offset: z.number().default(0).describe('Number added after scaling; −1 together with scale 1/127.5 maps 0–255 to −1…1.'),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x]) => [[...(x ?? [])]],
  countParams: () => NO_PARAMS,
  flops: ([x]) => 2 * (elementsPerSample(x ?? []) ?? 0),
  build: (tf, p, { name }) => tf.layers.rescaling({ scale: p.scale, offset: p.offset, name }),
  keras: { className: 'Rescaling' },
  summary: (p) => `×${Number(p.scale.toPrecision(3))}${p.offset === 0 ? '' : ` ${p.offset < 0 ? '−' : '+'} ${Math.abs(p.offset)}`}`,
});
