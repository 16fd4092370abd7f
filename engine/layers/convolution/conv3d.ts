import { z } from 'zod';
import { defineLayer } from '../spec';
import { convArgs, convFields } from './conv-params';
import { convolutionRules } from './conv-rule';
import { keras1ConvLayout } from './keras1-kernels';

export const conv3d = defineLayer({
  type: 'conv3d',
  label: 'Conv3D',
  category: 'convolution',
  doc: 'Slides learned 3-D filters through a volume and outputs one feature volume per filter. Use it for data with three spatial axes, such as medical scans (CT, MRI) or video treated as frames × height × width, where patterns extend across depth as well as across the image plane.',
  params: z.object(convFields(3)).strict(),
  ...convolutionRules({ label: 'Conv3D', n: 3 }),
  build: (tf, p, context) => tf.layers.conv3d(convArgs(tf, p, context)),
  keras: { className: 'Conv3D' },
  weightLayouts: { kerasH5: keras1ConvLayout(3) },
});
