import { z } from 'zod';
import { elementsPerSample } from '../../shape';
import { defineLayer, NO_PARAMS } from '../spec';

export const softmax = defineLayer({
  type: 'softmax',
  label: 'Softmax',
  category: 'activation',
  doc: 'Turns a list of scores into probabilities that are positive and add up to 1, with the largest score getting the largest share. Put it at the end of a classifier (one score per class), or use it to turn attention scores into weights.',
  params: z
    .object({
      axis: z
        .number()
        .int()
        .min(-8)
        .max(7)
        .default(-1)
        .describe('Axis whose values are turned into probabilities; -1 is the last. TF.js supports only the last axis.'),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 2 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    const axis = p.axis < 0 ? p.axis + shape.length : p.axis;
    if (axis <= 0 || axis >= shape.length) {
      return {
        code: 'invalid_param',
        field: 'axis',
        message: `Softmax axis ${p.axis} ${axis === 0 ? 'is the batch axis' : `does not exist on inputs with ${shape.length - 1} axes per sample`}.`,
        hint: 'Use -1 for the last axis.',
      };
    }
    // TF.js's softmax kernel only normalises along the last axis; any other fails when the model runs.
    if (axis !== shape.length - 1) {
      return {
        code: 'invalid_param',
        field: 'axis',
        message: `TF.js can only apply Softmax along the last axis, not axis ${p.axis}.`,
        hint: 'Set axis to -1, or move the axis last with a Permute layer first.',
      };
    }
    return [[...shape]];
  },
  countParams: () => NO_PARAMS,
  // Subtract the maximum, exponentiate, sum and divide: about four operations per value.
  flops: (_inputs, [y]) => 4 * (elementsPerSample(y ?? []) ?? 0),
  build: (tf, p, { name }) => tf.layers.softmax({ axis: p.axis, name }),
  keras: { className: 'Softmax' },
  summary: (p) => (p.axis === -1 ? '' : `axis ${p.axis}`),
});
