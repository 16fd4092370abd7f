import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';

export const permute = defineLayer({
  type: 'permute',
  label: 'Permute',
  category: 'core',
  doc: 'Reorders the axes of each sample, e.g. turns (time, features) into (features, time) so that a following layer works along the other axis. The batch axis stays first and no value changes.',
  params: z
    .object({
      dims: z
        .array(z.number().int().min(1).max(7))
        .min(1)
        .max(7)
        .default([2, 1])
        .describe(
          'New order of the axes, counted from 1 (the batch is not counted): [2, 1] swaps the two axes of a sequence. Must list every axis of the input exactly once.',
        ),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 2 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    const sorted = [...p.dims].sort((a, b) => a - b);
    if (sorted.some((d, i) => d !== i + 1)) {
      return {
        code: 'invalid_param',
        field: 'dims',
        message: `Permute dims [${p.dims.join(', ')}] must list each of the axes 1 to ${p.dims.length} exactly once.`,
        hint: 'Use each axis number once, starting from 1, e.g. [2, 1].',
      };
    }
    if (shape.length !== p.dims.length + 1) {
      return {
        code: 'rank_mismatch',
        port: 0,
        message: `Permute dims [${p.dims.join(', ')}] reorder ${p.dims.length} axes, but the input has ${shape.length - 1} per sample.`,
        hint: 'List one entry per axis of the input (without the batch).',
      };
    }
    return [[shape[0] ?? null, ...p.dims.map((d) => shape[d] ?? null)]];
  },
  countParams: () => NO_PARAMS,
  flops: () => 0,
  build: (tf, p, { name }) => tf.layers.permute({ dims: [...p.dims], name }),
  keras: { className: 'Permute' },
  summary: (p) => `(${p.dims.join(', ')})`,
});
