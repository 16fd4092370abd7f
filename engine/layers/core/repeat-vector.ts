import { z } from 'zod';
import { expectRank, positiveInt } from '../common';
import { defineLayer, NO_PARAMS } from '../spec';

export const repeatVector = defineLayer({
  type: 'repeatVector',
  label: 'RepeatVector',
  category: 'core',
  doc: 'Repeats each input vector n times, turning it into a sequence of n identical steps. Typical in sequence-to-sequence models: the encoder’s summary vector is repeated once per output step and fed to a recurrent decoder.',
  params: z
    .object({
      n: positiveInt(2, 'How many times to repeat the vector: the length of the output sequence.', 100_000),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 2, maxRank: 2 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    const rank = expectRank(shape, 2, 2, 'RepeatVector');
    if (rank) return rank;
    return [[shape[0] ?? null, p.n, shape[1] ?? null]];
  },
  countParams: () => NO_PARAMS,
  flops: () => 0,
  build: (tf, p, { name }) => tf.layers.repeatVector({ n: p.n, name }),
  keras: { className: 'RepeatVector' },
  summary: (p) => `×${p.n}`,
});
