import { z } from 'zod';
import type { Shape } from '../../shape';
import { defineLayer, NO_PARAMS } from '../spec';

export const concatenate = defineLayer({
  type: 'concatenate',
  label: 'Concatenate',
  category: 'merge',
  doc: 'Joins several tensors side by side along one axis (by default the last, i.e. the channels). All other axes must match. Used to combine branches, as in Inception blocks and U-Net skip connections.',
  params: z
    .object({
      axis: z
        .number()
        .int()
        .min(-8)
        .max(8)
        .default(-1)
        .describe('Axis to join along; -1 is the last (channels). Every other axis must be equal.'),
    })
    .strict(),
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  outputShape: (inputs, p) => {
    const first = inputs[0] ?? [];
    const rank = first.length;
    const axis = p.axis < 0 ? rank + p.axis : p.axis;
    if (axis <= 0 || axis >= rank) {
      return {
        code: 'invalid_param',
        field: 'axis',
        message: `Axis ${p.axis} does not exist on inputs with ${rank - 1} dimensions per sample.`,
        hint: 'Use -1 for the last axis.',
      };
    }
    let joined: number | null = 0;
    for (const [port, shape] of inputs.entries()) {
      if (shape.length !== rank) {
        return {
          code: 'merge_shape_mismatch',
          port,
          message: `Concatenate inputs must have the same rank: input 1 has ${rank - 1} dimensions, input ${port + 1} has ${shape.length - 1}.`,
          hint: 'Reshape or Flatten one branch so both have the same number of axes.',
        };
      }
      for (let i = 1; i < rank; i++) {
        if (i === axis) continue;
        if (shape[i] !== null && first[i] !== null && shape[i] !== first[i]) {
          return {
            code: 'merge_shape_mismatch',
            port,
            message: `Concatenate along axis ${axis} needs every other axis equal, but axis ${i} is ${first[i]} on input 1 and ${shape[i]} on input ${port + 1}.`,
            hint: 'Resize one branch (pooling, cropping or padding) so the other axes agree.',
          };
        }
      }
      const d = shape[axis];
      joined = joined === null || d === null || d === undefined ? null : joined + d;
    }
    const out: Shape = first.map((d, i) => (i === axis ? joined : (d ?? inputs.map((s) => s[i]).find((v) => v !== null) ?? null)));
    out[0] = null;
    return [out];
  },
  countParams: () => NO_PARAMS,
  flops: () => 0,
  build: (tf, p, { name }) => tf.layers.concatenate({ axis: p.axis, name }),
  keras: { className: 'Concatenate' },
  summary: (p) => (p.axis === -1 ? '' : `axis ${p.axis}`),
});
