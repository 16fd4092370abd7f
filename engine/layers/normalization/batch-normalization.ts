import { z } from 'zod';
import { elementsPerSample } from '../../shape';
import { initializer, l1l2, regularizer } from '../common';
import { defineLayer } from '../spec';
import { checkNormRank, featureAxis } from './axis';
import { frozenUsesMovingStatistics } from './frozen-statistics';

export const batchNormalization = defineLayer({
  type: 'batchNormalization',
  label: 'BatchNormalization',
  category: 'normalization',
  doc: 'Re-centres and re-scales each feature (channel) so that it has about zero mean and unit spread, then applies a learned scale and offset. In training it uses the statistics of the current batch and keeps running averages of them; when the model predicts it uses those averages. Speeds up and stabilises training of deep networks; place it after a Conv2D or Dense layer, usually before the activation.',
  params: z
    .object({
      axis: z
        .number()
        .int()
        .min(-8)
        .max(7)
        .default(-1)
        .describe(
          'The feature axis, normalised separately for each of its entries: -1 (the last) for channels-last images and for vectors.',
        ),
      momentum: z
        .number()
        .min(0)
        .max(1)
        .default(0.99)
        .describe('How slowly the running mean and variance follow each new batch: 0.99 keeps 99% of the old value at each step.'),
      epsilon: z
        .number()
        .gt(0)
        .max(1)
        .default(1e-3)
        .describe('Small number added to the variance so that features with almost no spread do not divide by zero.'),
      center: z
        .boolean()
        .default(true)
        .describe('Learn an offset (beta) added after normalising. Note: TF.js 4.22 cannot train this layer with it turned off.'),
      scale: z
        .boolean()
        .default(true)
        .describe(
          'Learn a scale (gamma) applied after normalising; can be off when a linear or relu layer follows. Note: TF.js 4.22 cannot train this layer with it turned off.',
        ),
      betaInitializer: initializer('zeros', 'offsets (beta)'),
      gammaInitializer: initializer('ones', 'scales (gamma)'),
      movingMeanInitializer: initializer('zeros', 'running means'),
      movingVarianceInitializer: initializer('ones', 'running variances'),
      betaRegularizer: regularizer('offsets (beta)'),
      gammaRegularizer: regularizer('scales (gamma)'),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 2, maxRank: 4 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    const axis = featureAxis(shape, p.axis, 'BatchNormalization');
    if (typeof axis !== 'number') return axis;
    return checkNormRank(shape, 'BatchNormalization') ?? [[...shape]];
  },
  countParams: ([x], p) => {
    const shape = x ?? [];
    const features = shape[p.axis < 0 ? p.axis + shape.length : p.axis] ?? 0;
    // The running mean and variance are updated by averaging, not by gradients: non-trainable.
    return { trainable: features * (Number(p.center) + Number(p.scale)), nonTrainable: 2 * features };
  },
  // Subtract the mean, divide by the deviation, scale and shift: about four operations per value.
  flops: (_inputs, [y]) => 4 * (elementsPerSample(y ?? []) ?? 0),
  caveat: (_inputs, p) =>
    p.center && p.scale
      ? null
      : {
          severity: 'warning',
          code: 'unsupported_feature',
          field: p.center ? 'scale' : 'center',
          message: 'TF.js 4.22 runs BatchNormalization with center or scale turned off, but cannot train it (fit fails).',
          hint: 'Turn both on to train this model; keep them off only for a model you just run.',
        },
  build: (tf, p, { name, trainable }) =>
    frozenUsesMovingStatistics(
      tf.layers.batchNormalization({
        axis: p.axis,
        momentum: p.momentum,
        epsilon: p.epsilon,
        center: p.center,
        scale: p.scale,
        betaInitializer: p.betaInitializer,
        gammaInitializer: p.gammaInitializer,
        movingMeanInitializer: p.movingMeanInitializer,
        movingVarianceInitializer: p.movingVarianceInitializer,
        betaRegularizer: l1l2(tf, p.betaRegularizer),
        gammaRegularizer: l1l2(tf, p.gammaRegularizer),
        name,
        trainable,
      }),
    ),
  keras: { className: 'BatchNormalization' },
  summary: (p) => (p.axis === -1 ? '' : `axis ${p.axis}`),
});
