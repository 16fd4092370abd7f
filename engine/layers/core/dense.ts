import { z } from 'zod';
import { lastDim } from '../../shape';
import { activation, biasParam, expectRank, initializer, l1l2, positiveInt, regularizer, unknownDim } from '../common';
import { defineLayer } from '../spec';

export const dense = defineLayer({
  type: 'dense',
  label: 'Dense',
  category: 'core',
  doc: 'A fully connected layer: every output is a weighted sum of every input, plus a bias, passed through an activation. The workhorse of tabular models and of classifier heads. On inputs with more than one axis it acts on the last one.',
  params: z
    .object({
      units: positiveInt(32, 'Number of outputs. For the last layer of a classifier: the number of classes.'),
      activation: activation('linear'),
      useBias: biasParam(),
      kernelInitializer: initializer('glorotUniform', 'weights'),
      biasInitializer: initializer('zeros', 'biases'),
      kernelRegularizer: regularizer('weights'),
      biasRegularizer: regularizer('biases'),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 2 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    const rank = expectRank(shape, 2, 8, 'Dense');
    if (rank) return rank;
    if (lastDim(shape) === null) return unknownDim('Dense', 'last axis');
    return [[...shape.slice(0, -1), p.units]];
  },
  countParams: ([x], p) => ({ trainable: (lastDim(x ?? []) ?? 0) * p.units + (p.useBias ? p.units : 0), nonTrainable: 0 }),
  flops: ([x], [y], p) =>
    2 * (lastDim(x ?? []) ?? 0) * (y ?? []).slice(1).reduce<number>((n, d) => n * (d ?? 1), 1) + (p.useBias ? p.units : 0),
  build: (tf, p, { name, trainable }) =>
    tf.layers.dense({
      units: p.units,
      activation: p.activation,
      useBias: p.useBias,
      kernelInitializer: p.kernelInitializer,
      biasInitializer: p.biasInitializer,
      kernelRegularizer: l1l2(tf, p.kernelRegularizer),
      biasRegularizer: l1l2(tf, p.biasRegularizer),
      name,
      trainable,
    }),
  keras: { className: 'Dense' },
  summary: (p) => `${p.units}${p.activation === 'linear' ? '' : ` · ${p.activation}`}`,
});
