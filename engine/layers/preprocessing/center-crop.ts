import { z } from 'zod';
import { positiveInt } from '../common';
import { defineLayer, NO_PARAMS } from '../spec';
import { copyInputShape } from './copy-input-shape';
import { expectImages } from './image-input';

export const centerCrop = defineLayer({
  type: 'centerCrop',
  label: 'CenterCrop',
  category: 'preprocessing',
  doc: 'Cuts the central region of the given height and width out of each image, discarding the borders; the images must be at least that large. Use it to bring images to the size a model expects while keeping their centre, where the subject usually is.',
  params: z
    .object({
      height: positiveInt(224, 'Height of the cropped image, in pixels.', 100_000),
      width: positiveInt(224, 'Width of the cropped image, in pixels.', 100_000),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 4, maxRank: 4 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    return expectImages(shape, 'CenterCrop') ?? [[shape[0] ?? null, p.height, p.width, shape[3] ?? null]];
  },
  countParams: () => NO_PARAMS,
  caveat: ([x], p) => {
    const [h, w] = [x?.[1], x?.[2]];
    if ((h != null && h < p.height) || (w != null && w < p.width)) {
      return {
        severity: 'error',
        code: 'invalid_shape',
        field: h != null && h < p.height ? 'height' : 'width',
        message: `CenterCrop of ${p.height}×${p.width} is larger than the ${h ?? '?'}×${w ?? '?'} images it gets; TF.js 4.22 fails when it runs.`,
        hint: 'Crop to at most the image size, or resize the images when preparing the dataset.',
      };
    }
    return null;
  },
  build: (tf, p, { name }) => copyInputShape(tf.layers.centerCrop({ height: p.height, width: p.width, name })),
  keras: { className: 'CenterCrop' },
  summary: (p) => `${p.height}×${p.width}`,
});
