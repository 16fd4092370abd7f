import { z } from 'zod';
import { activation as activationParam } from '../common';
import { defineLayer, NO_PARAMS } from '../spec';

export const activation = defineLayer({
  type: 'activation',
  label: 'Activation',
  category: 'core',
  doc: 'Applies a fixed function to every value on its own, such as relu (negatives become zero) or sigmoid (squashes into 0…1); the shape does not change and nothing is learned. Useful when you want the activation as a separate step, for instance after a BatchNormalization that follows a linear Dense or Conv2D.',
  params: z
    .object({
      activation: activationParam('relu', 'every value'),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x]) => [[...(x ?? [])]],
  countParams: () => NO_PARAMS,
  build: (tf, p, { name }) => tf.layers.activation({ activation: p.activation, name }),
  keras: { className: 'Activation' },
  summary: (p) => p.activation,
});
