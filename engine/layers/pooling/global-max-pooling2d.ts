import { z } from 'zod';
import { dataFormat } from '../common';
import { defineLayer } from '../spec';
import { globalPoolingRules } from './pool-shape';

export const globalMaxPooling2d = defineLayer({
  type: 'globalMaxPooling2d',
  label: 'GlobalMaxPooling2D',
  category: 'pooling',
  doc: 'Collapses each feature map of an image into its single largest value, giving one number per channel. It records whether a feature appears anywhere in the image, and turns convolutional features into a vector for a classifier head.',
  params: z.object({ dataFormat: dataFormat() }).strict(),
  ...globalPoolingRules(2, 'GlobalMaxPooling2D'),
  build: (tf, p, { name, trainable }) => tf.layers.globalMaxPooling2d({ dataFormat: p.dataFormat, name, trainable }),
  keras: { className: 'GlobalMaxPooling2D' },
});
