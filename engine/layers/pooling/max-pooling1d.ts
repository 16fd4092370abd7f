import { z } from 'zod';
import { defineLayer } from '../spec';
import { poolArgs, poolFields } from './pool-params';
import { poolingRules } from './pool-shape';

export const maxPooling1d = defineLayer({
  type: 'maxPooling1d',
  label: 'MaxPooling1D',
  category: 'pooling',
  doc: 'Shortens a sequence by keeping only the largest value in each window of steps, channel by channel. Use it after Conv1D layers to keep the strongest responses while cutting the length, so later layers see further back at lower cost.',
  params: z.object(poolFields(1)).strict(),
  ...poolingRules(1, 'MaxPooling1D'),
  build: (tf, p, context) => tf.layers.maxPooling1d(poolArgs<[number]>(p, context)),
  keras: { className: 'MaxPooling1D' },
});
