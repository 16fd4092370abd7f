import { z } from 'zod';
import type { LayerIssue } from '../../diagnostics';
import { elementsPerSample, type Shape } from '../../shape';
import { initializer, l1l2, regularizer } from '../common';
import { defineLayer } from '../spec';
import { checkNormRank, featureAxis } from './axis';

const axisIndex = z.number().int().min(-8).max(7);

export const layerNormalization = defineLayer({
  type: 'layerNormalization',
  label: 'LayerNormalization',
  category: 'normalization',
  doc: 'Re-centres and re-scales the features of each sample on its own (to about zero mean and unit spread), then applies a learned scale and offset per feature. Unlike BatchNormalization it does not depend on the other samples in the batch, so it behaves the same in training and prediction and suits small batches, recurrent networks and Transformers.',
  params: z
    .object({
      axis: z
        .union([axisIndex, z.array(axisIndex).min(1).max(7)])
        .default(-1)
        .describe('Axis (or list of axes) whose values are normalised together for each sample; -1 is the last (the features).'),
      epsilon: z
        .number()
        .gt(0)
        .max(1)
        .default(1e-3)
        .describe('Small number added to the variance so that samples with almost no spread do not divide by zero.'),
      center: z.boolean().default(true).describe('Learn an offset (beta) added after normalising.'),
      scale: z.boolean().default(true).describe('Learn a scale (gamma) applied after normalising.'),
      betaInitializer: initializer('zeros', 'offsets (beta)'),
      gammaInitializer: initializer('ones', 'scales (gamma)'),
      betaRegularizer: regularizer('offsets (beta)'),
      gammaRegularizer: regularizer('scales (gamma)'),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 2, maxRank: 4 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    const axes = resolveAxes(shape, p.axis);
    if (!Array.isArray(axes)) return axes;
    return checkNormRank(shape, 'LayerNormalization') ?? [[...shape]];
  },
  countParams: ([x], p) => {
    const shape = x ?? [];
    const axes = resolveAxes(shape, p.axis);
    const size = Array.isArray(axes) ? axes.reduce((n, a) => n * (shape[a] ?? 0), 1) : 0;
    return { trainable: size * (Number(p.center) + Number(p.scale)), nonTrainable: 0 };
  },
  // Mean, variance, normalise, scale and shift: about eight operations per value.
  flops: (_inputs, [y]) => 8 * (elementsPerSample(y ?? []) ?? 0),
  build: (tf, p, { name, trainable }) =>
    tf.layers.layerNormalization({
      // Always a fresh list: TF.js rewrites the list in place when it builds, and turns a single axis into
      // a list then, so a model's saved config holds a list either way.
      axis: Array.isArray(p.axis) ? [...p.axis] : [p.axis],
      epsilon: p.epsilon,
      center: p.center,
      scale: p.scale,
      betaInitializer: p.betaInitializer,
      gammaInitializer: p.gammaInitializer,
      betaRegularizer: l1l2(tf, p.betaRegularizer),
      gammaRegularizer: l1l2(tf, p.gammaRegularizer),
      name,
      trainable,
    }),
  keras: { className: 'LayerNormalization' },
  summary: (p) => (p.axis === -1 ? '' : `axis ${Array.isArray(p.axis) ? p.axis.join(', ') : p.axis}`),
});

/** The normalised axes as non-negative indices, each a known feature axis, without repeats. */
function resolveAxes(shape: Shape, axis: number | number[]): number[] | LayerIssue {
  const axes: number[] = [];
  for (const a of Array.isArray(axis) ? axis : [axis]) {
    const resolved = featureAxis(shape, a, 'LayerNormalization');
    if (typeof resolved !== 'number') return resolved;
    if (axes.includes(resolved)) {
      return {
        code: 'invalid_param',
        field: 'axis',
        message: `LayerNormalization lists axis ${resolved} twice.`,
        hint: 'List each axis once.',
      };
    }
    axes.push(resolved);
  }
  return axes;
}
