import { z } from 'zod';
import { elementsPerSample } from '../../shape';
import { dataFormat, intTuple } from '../common';
import type { DataFormat } from '../convolution/spatial';
import { defineLayer } from '../spec';
import { spatialResizeRules } from './spatial-resize';

export const upSampling2d = defineLayer({
  type: 'upSampling2d',
  label: 'UpSampling2D',
  category: 'reshaping',
  doc: 'Enlarges an image by repeating (or blending) its pixels, with nothing to learn: a factor of 2 doubles the height and width. Use it in decoders and segmentation networks to grow feature maps back to image size; a Conv2D after it then refines the result, a common alternative to Conv2DTranspose.',
  params: z
    .object({
      size: intTuple(2, 2, 'Enlargement factor for height and width: 2 doubles each.'),
      dataFormat: dataFormat(),
      interpolation: z
        .enum(['nearest', 'bilinear'])
        .default('nearest')
        .describe('How new pixels are filled: "nearest" repeats each pixel (blocky), "bilinear" blends the four nearest ones (smooth).'),
    })
    .strict(),
  ...spatialResizeRules('UpSampling2D', (size, axis, p: { size: number[]; dataFormat: DataFormat }) => size * (p.size[axis] ?? 1)),
  /** Nearest-neighbour upsampling only copies; bilinear blends four pixels (four multiply-adds) per output value. */
  flops: (_, [y], p) => (p.interpolation === 'bilinear' ? 8 * (elementsPerSample(y ?? []) ?? 0) : 0),
  build: (tf, p, { name, trainable }) =>
    tf.layers.upSampling2d({ size: [...p.size], dataFormat: p.dataFormat, interpolation: p.interpolation, name, trainable }),
  keras: { className: 'UpSampling2D' },
  summary: (p) => `×${p.size.join('×')}${p.interpolation === 'bilinear' ? ' · bilinear' : ''}`,
});
