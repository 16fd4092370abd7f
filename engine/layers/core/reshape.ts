import { z } from 'zod';
import type { Shape } from '../../shape';
import { elementsPerSample, product } from '../../shape';
import { defineLayer, NO_PARAMS } from '../spec';

/** One target size: a positive number, or null / -1 (Keras's spelling) for "whatever is left". */
const targetDim = z.union([z.number().int().min(1).max(1_000_000), z.literal(-1), z.null()]).transform((d) => (d === -1 ? null : d));

export const reshape = defineLayer({
  type: 'reshape',
  label: 'Reshape',
  category: 'core',
  doc: 'Rearranges the values of each sample into a new shape with the same number of values, e.g. 784 numbers into a 28×28×1 image, or a vector into a sequence of steps. Nothing is learned and no value changes. One size may be left open to take whatever is left.',
  params: z
    .object({
      targetShape: z
        .array(targetDim)
        .min(1)
        .max(7)
        .default([null, 1])
        .describe(
          'New size of each axis of one sample, without the batch. The sizes must multiply to the input size; at most one may be left open (empty or -1) to take whatever is left.',
        ),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 2 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    const open = p.targetShape.filter((d) => d === null).length;
    if (open > 1) {
      return {
        code: 'invalid_param',
        field: 'targetShape',
        message: `Reshape can work out at most one open size, but ${open} are open.`,
        hint: 'Give every size but one a number.',
      };
    }
    const total = elementsPerSample(shape);
    const fixed = product(p.targetShape.filter((d) => d !== null)) ?? 0;
    if (total !== null && (open === 0 ? fixed !== total : fixed === 0 || total % fixed !== 0)) {
      return {
        code: 'shape_mismatch',
        port: 0,
        message: `Reshape cannot turn ${total} values per sample into [${p.targetShape.map((d) => d ?? '?').join(', ')}].`,
        hint: `Choose sizes that multiply to ${total}, or leave one size open.`,
      };
    }
    // TF.js fills in the open size only when every input size, the batch included, is known. The batch
    // never is in a model, so the open size stays unknown (null) downstream; mirror that.
    const known = shape.every((d) => d !== null && d >= 0);
    const out: Shape = known && total !== null ? p.targetShape.map((d) => d ?? total / fixed) : [...p.targetShape];
    return [[shape[0] ?? null, ...out]];
  },
  countParams: () => NO_PARAMS,
  flops: () => 0,
  build: (tf, p, { name }) => tf.layers.reshape({ targetShape: [...p.targetShape], name }),
  keras: {
    className: 'Reshape',
    // Keras writes an open size as -1.
    toConfig: (p) => ({ target_shape: p.targetShape.map((d) => d ?? -1) }),
  },
  summary: (p) => `→ ${p.targetShape.map((d) => d ?? '?').join('×')}`,
});
