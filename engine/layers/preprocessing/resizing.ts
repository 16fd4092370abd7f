import { z } from 'zod';
import { positiveInt } from '../common';
import { defineLayer, NO_PARAMS } from '../spec';
import { expectImages, interpolationHelp } from './image-input';

export const resizing = defineLayer({
  type: 'resizing',
  label: 'Resizing',
  category: 'preprocessing',
  doc: 'Scales every image to a fixed height and width, stretching or squeezing it as needed, so that a model can take pictures of any size. Put it right after the input. Caution: TF.js 4.22 reports a wrong output shape for this layer (height, width, then the input width, with no batch axis), so layers that need images, such as Conv2D, refuse to follow it in a TF.js model.',
  params: z
    .object({
      height: positiveInt(224, 'Height of the resized image, in pixels.', 100_000),
      width: positiveInt(224, 'Width of the resized image, in pixels.', 100_000),
      interpolation: z.enum(['bilinear', 'nearest']).default('bilinear').describe(interpolationHelp),
      cropToAspectRatio: z
        .boolean()
        .default(false)
        .describe(
          'Keras crops to keep the aspect ratio. TF.js 4.22 does not crop; it only changes how the pixel corners line up, so leave this off unless matching a Keras model.',
        ),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 4, maxRank: 4 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    // Mirrors TF.js's own rule, which forgets the batch axis and takes axis 2 (the width) as the channels.
    return expectImages(shape, 'Resizing') ?? [[p.height, p.width, shape[2] ?? null]];
  },
  caveat: () => ({
    severity: 'error',
    code: 'unsupported_feature',
    message:
      'TF.js 4.22 builds a Resizing layer but fails when the model runs ("resizeBilinear: x must be rank 3 or 4"), because its shape rule drops the batch axis.',
    hint: 'Resize the images when preparing the dataset (the image upload resizes them to the input size) and delete this layer.',
  }),
  countParams: () => NO_PARAMS,
  // Per output pixel and channel: 4 weighted taps for bilinear, a copy for nearest.
  flops: ([x], _outputs, p) => p.height * p.width * (x?.[3] ?? 0) * (p.interpolation === 'bilinear' ? 8 : 1),
  build: (tf, p, { name }) =>
    tf.layers.resizing({
      height: p.height,
      width: p.width,
      interpolation: p.interpolation,
      cropToAspectRatio: p.cropToAspectRatio,
      name,
    }),
  keras: { className: 'Resizing' },
  summary: (p) => `${p.height}×${p.width}${p.interpolation === 'bilinear' ? '' : ` · ${p.interpolation}`}`,
});
