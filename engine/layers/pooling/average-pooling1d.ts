import { z } from 'zod';
import { defineLayer } from '../spec';
import { poolArgs, poolFields } from './pool-params';
import { poolingRules } from './pool-shape';

export const averagePooling1d = defineLayer({
  type: 'averagePooling1d',
  label: 'AveragePooling1D',
  category: 'pooling',
  doc: 'Shortens a sequence by averaging each window of steps, channel by channel. Smoother than max pooling: it keeps the overall level of a signal rather than its peaks, which suits downsampling time series and audio features.',
  params: z.object(poolFields(1)).strict(),
  ...poolingRules(1, 'AveragePooling1D'),
  build: (tf, p, context) => tf.layers.averagePooling1d(poolArgs<[number]>(p, context)),
  keras: { className: 'AveragePooling1D' },
});
