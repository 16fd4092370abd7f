import { z } from 'zod';
import { defineLayer } from '../spec';
import { convArgs, transposedFields } from './conv-params';
import { convolutionRules } from './conv-rule';

export const conv3dTranspose = defineLayer({
  type: 'conv3dTranspose',
  label: 'Conv3DTranspose',
  category: 'convolution',
  doc: 'The reverse of a strided Conv3D: spreads each input voxel through learned 3-D filters onto a larger grid, so with strides of 2 every spatial axis doubles. Use it in decoders for volumes or video, for example to turn a compressed code back into a 3-D segmentation of a scan.',
  params: z.object(transposedFields(3)).strict(),
  ...convolutionRules({ label: 'Conv3DTranspose', n: 3, transposed: true }),
  build: (tf, p, context) => tf.layers.conv3dTranspose(convArgs(tf, p, context)),
  keras: { className: 'Conv3DTranspose' },
});
