import { z } from 'zod';
import { elementsPerSample } from '../../shape';
import { defineLayer, NO_PARAMS } from '../spec';
import { expectImages, interpolationHelp } from './image-input';

export const randomWidth = defineLayer({
  type: 'randomWidth',
  label: 'RandomWidth',
  category: 'preprocessing',
  doc: 'Data augmentation: stretches or squeezes each batch of images sideways by a random factor, so the model learns to recognise objects whatever their proportions. Caution: in TF.js 4.22 it also resizes when the model predicts, and it reports an unusable output shape (unknown, −1, then the input width), so most layers refuse to follow it in a TF.js model.',
  params: z
    .object({
      factor: z
        .union([z.number().gt(0).max(10), z.array(z.number().min(-1).max(10)).length(2)])
        .default(0.2)
        .describe(
          'How much the width may change: 0.2 means anywhere from 20% narrower to 20% wider; a pair [-0.2, 0.3] sets the lower and upper change separately.',
        ),
      interpolation: z.enum(['bilinear', 'nearest']).default('bilinear').describe(interpolationHelp),
      seed: z
        .number()
        .int()
        .nullable()
        .default(null)
        .describe('Random seed, to make the random widths repeatable between runs; empty for fresh ones each time.'),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 4, maxRank: 4 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    if (Array.isArray(p.factor) && (p.factor[1] ?? 0) < (p.factor[0] ?? 0)) {
      return {
        code: 'invalid_param',
        field: 'factor',
        message: `RandomWidth factor [${p.factor.join(', ')}] has its upper bound below its lower bound.`,
        hint: 'Give the smaller change first, e.g. [-0.2, 0.3].',
      };
    }
    // Mirrors TF.js's own rule: the height it has not seen yet (unknown), -1 for the random width, then
    // axis 2 of the input (its width) in place of the channels.
    return expectImages(shape, 'RandomWidth') ?? [[null, -1, shape[2] ?? null]];
  },
  caveat: () => ({
    severity: 'error',
    code: 'unsupported_feature',
    message:
      'TF.js 4.22 builds a RandomWidth layer but fails when the model runs: its shape rule loses an axis, so the next layers get a broken tensor.',
    hint: "Use the dataset's augmentation settings (zoom, shift) instead, and delete this layer.",
  }),
  countParams: () => NO_PARAMS,
  // The output width averages the input width; bilinear costs about 8 operations per value.
  flops: ([x], _outputs, p) => (elementsPerSample(x ?? []) ?? 0) * (p.interpolation === 'bilinear' ? 8 : 1),
  build: (tf, p, { name }) =>
    tf.layers.randomWidth({
      factor: Array.isArray(p.factor) ? [p.factor[0] ?? 0, p.factor[1] ?? 0] : p.factor,
      interpolation: p.interpolation,
      seed: p.seed ?? undefined,
      name,
    }),
  keras: { className: 'RandomWidth' },
  summary: (p) => (Array.isArray(p.factor) ? `${p.factor[0]}…+${p.factor[1]}` : `±${p.factor}`),
});
