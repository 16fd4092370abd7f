import { z } from 'zod';
import { dataFormat } from '../common';
import { defineLayer } from '../spec';
import { globalPoolingRules } from './pool-shape';

export const globalAveragePooling2d = defineLayer({
  type: 'globalAveragePooling2d',
  label: 'GlobalAveragePooling2D',
  category: 'pooling',
  doc: 'Collapses each feature map of an image into its average, giving one number per channel. The standard bridge from convolutional features to a classifier head in modern networks such as ResNet and MobileNet: it replaces Flatten with far fewer weights downstream and works for any image size.',
  params: z.object({ dataFormat: dataFormat() }).strict(),
  ...globalPoolingRules(2, 'GlobalAveragePooling2D'),
  build: (tf, p, { name, trainable }) => tf.layers.globalAveragePooling2d({ dataFormat: p.dataFormat, name, trainable }),
  keras: { className: 'GlobalAveragePooling2D' },
});
