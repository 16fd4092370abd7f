import { z } from 'zod';
import { dataFormat } from '../common';
import { defineLayer } from '../spec';
import { poolArgs, poolFields } from './pool-params';
import { poolingRules } from './pool-shape';

export const maxPooling2d = defineLayer({
  type: 'maxPooling2d',
  label: 'MaxPooling2D',
  category: 'pooling',
  doc: 'Shrinks an image by keeping only the largest value in each small window, channel by channel; the default 2×2 window halves the height and width. The classic step between convolution blocks: it cuts computation and makes features tolerant to small shifts.',
  params: z.object({ ...poolFields(2), dataFormat: dataFormat() }).strict(),
  ...poolingRules(2, 'MaxPooling2D'),
  build: (tf, p, context) => tf.layers.maxPooling2d(poolArgs<[number, number]>(p, context)),
  keras: { className: 'MaxPooling2D' },
});
