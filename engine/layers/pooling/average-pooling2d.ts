import { z } from 'zod';
import { dataFormat } from '../common';
import { defineLayer } from '../spec';
import { poolArgs, poolFields } from './pool-params';
import { poolingRules } from './pool-shape';

export const averagePooling2d = defineLayer({
  type: 'averagePooling2d',
  label: 'AveragePooling2D',
  category: 'pooling',
  doc: 'Shrinks an image by averaging each small window, channel by channel; the default 2×2 window halves the height and width. It keeps more of the overall signal than max pooling and gives smooth downsampling, as in the transition blocks of DenseNet.',
  params: z.object({ ...poolFields(2), dataFormat: dataFormat() }).strict(),
  ...poolingRules(2, 'AveragePooling2D'),
  build: (tf, p, context) => tf.layers.averagePooling2d(poolArgs<[number, number]>(p, context)),
  keras: { className: 'AveragePooling2D' },
});
