import { z } from 'zod';
import { defineLayer } from '../spec';
import { convArgs, convFields } from './conv-params';
import { convolutionRules } from './conv-rule';
import { keras1ConvLayout } from './keras1-kernels';

export const conv2d = defineLayer({
  type: 'conv2d',
  label: 'Conv2D',
  category: 'convolution',
  doc: 'Slides small learned filters over an image and outputs one feature map per filter: edges and textures in early layers, shapes and parts in later ones. The basic building block of image models.',
  params: z.object(convFields(2)).strict(),
  ...convolutionRules({ label: 'Conv2D', n: 2 }),
  build: (tf, p, context) => tf.layers.conv2d(convArgs(tf, p, context)),
  keras: { className: 'Conv2D' },
  weightLayouts: { kerasH5: keras1ConvLayout(2) },
});
