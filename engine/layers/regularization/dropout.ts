import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';
import { dropRate, noInferenceFlops, seed } from './rate';

export const dropout = defineLayer({
  type: 'dropout',
  label: 'Dropout',
  category: 'regularization',
  doc: 'During training, sets a random fraction of its inputs to zero at every step (and scales up the rest), so the network cannot rely on any single unit; this reduces overfitting. When the model predicts, it passes everything through unchanged. Put it after Dense layers, typically with a rate of 0.2–0.5.',
  params: z
    .object({
      rate: dropRate(0.5, 'Fraction of the inputs dropped at each training step, from 0 to just under 1. 0.5 is classic for Dense layers.'),
      noiseShape: z
        .array(z.number().int().min(1).max(1_000_000).nullable())
        .min(1)
        .max(8)
        .nullable()
        .default(null)
        .describe(
          'Shape of the drop pattern, batch axis first; 1 on an axis shares one decision along it, empty entries follow the input. Leave empty to drop every value on its own.',
        ),
      seed: seed(),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    if (p.noiseShape) {
      const issue = {
        code: 'invalid_param' as const,
        field: 'noiseShape',
        hint: 'Give one entry per axis of the input (batch first), each 1, empty or the input’s size.',
      };
      if (p.noiseShape.length !== shape.length) {
        return {
          ...issue,
          message: `Dropout noiseShape has ${p.noiseShape.length} axes, but the input has ${shape.length} (batch included).`,
        };
      }
      const bad = p.noiseShape.findIndex((d, i) => d !== null && d !== 1 && shape[i] !== null && d !== shape[i]);
      if (bad >= 0) {
        return {
          ...issue,
          message: `Dropout noiseShape size ${p.noiseShape[bad]} on axis ${bad} does not fit the input size ${shape[bad]}.`,
        };
      }
    }
    return [[...shape]];
  },
  countParams: () => NO_PARAMS,
  flops: noInferenceFlops,
  build: (tf, p, { name }) =>
    tf.layers.dropout({
      rate: p.rate,
      // TF.js fills empty entries from the input's shape, although its type says number[].
      noiseShape: p.noiseShape ? (p.noiseShape as number[]) : undefined,
      seed: p.seed ?? undefined,
      name,
    }),
  keras: { className: 'Dropout' },
  summary: (p) => `${p.rate}`,
});
