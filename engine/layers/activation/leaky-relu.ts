import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';

export const leakyRelu = defineLayer({
  type: 'leakyRelu',
  label: 'LeakyReLU',
  category: 'activation',
  doc: 'Like ReLU, but negative values are scaled by a small slope instead of being set to zero, so units never go completely silent ("dying ReLU"). A common choice in GANs and in deep networks that train poorly with plain ReLU.',
  params: z
    .object({
      alpha: z
        .number()
        .min(0)
        .max(1000)
        .default(0.3)
        .describe('Slope for negative inputs: 0.3 multiplies them by 0.3. Typical values are 0.01 to 0.3.'),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x]) => [[...(x ?? [])]],
  countParams: () => NO_PARAMS,
  build: (tf, p, { name }) => tf.layers.leakyReLU({ alpha: p.alpha, name }),
  keras: {
    className: 'LeakyReLU',
    // Keras 3 renamed `alpha` to `negative_slope`; read either.
    fromConfig: (c) => {
      const alpha = c.alpha ?? c.negative_slope;
      return alpha === undefined || alpha === null ? {} : { alpha };
    },
  },
  summary: (p) => `α ${p.alpha}`,
});
