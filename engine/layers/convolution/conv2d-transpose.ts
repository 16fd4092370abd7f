import { z } from 'zod';
import { defineLayer } from '../spec';
import { convArgs, transposedFields } from './conv-params';
import { convolutionRules } from './conv-rule';
import { keras1Conv2dTransposeLayout } from './keras1-kernels';

export const conv2dTranspose = defineLayer({
  type: 'conv2dTranspose',
  label: 'Conv2DTranspose',
  category: 'convolution',
  doc: 'The reverse of a strided Conv2D: spreads each input pixel through learned filters onto a larger grid, so with strides of 2 the height and width double. Use it in decoders, autoencoders, segmentation networks (U-Net) and GAN generators to grow feature maps back into images. An UpSampling2D followed by a Conv2D is a common alternative that avoids checkerboard artefacts.',
  params: z.object(transposedFields(2)).strict(),
  ...convolutionRules({ label: 'Conv2DTranspose', n: 2, transposed: true }),
  build: (tf, p, context) => tf.layers.conv2dTranspose(convArgs(tf, p, context)),
  keras: { className: 'Conv2DTranspose' },
  weightLayouts: { kerasH5: keras1Conv2dTransposeLayout },
});
