import { z } from 'zod';
import { dataFormat } from '../common';
import type { DataFormat } from '../convolution/spatial';
import { defineLayer } from '../spec';
import { pairsSummary, type SidePairs, sidePairs, sideTotal, spatialResizeRules } from './spatial-resize';

/**
 * On an unknown height or width TF.js 4.22 reports a negative size (it subtracts from `null`); the
 * size is unknown, so we say so.
 */
export const cropping2d = defineLayer({
  type: 'cropping2d',
  label: 'Cropping2D',
  category: 'reshaping',
  doc: 'Cuts rows and columns off the edges of an image, making it smaller. Use it to trim borders that carry no information, or to make a feature map match the size of another before they are joined, as in the skip connections of U-Net.',
  params: z
    .object({
      cropping: sidePairs(
        0,
        'Rows and columns to cut off: one number for every side, [height, width] for both sides of each, or [[top, bottom], [left, right]].',
      ),
      dataFormat: dataFormat(),
    })
    .strict(),
  ...spatialResizeRules(
    'Cropping2D',
    (size, axis, p: { cropping: SidePairs; dataFormat: DataFormat }) => size - sideTotal(p.cropping, axis),
  ),
  /** Copying values costs no arithmetic. */
  flops: () => 0,
  build: (tf, p, { name, trainable }) =>
    tf.layers.cropping2D({
      cropping: [[...p.cropping[0]], [...p.cropping[1]]],
      dataFormat: p.dataFormat,
      name,
      trainable,
    }),
  keras: { className: 'Cropping2D' },
  summary: (p) => pairsSummary(p.cropping),
});
