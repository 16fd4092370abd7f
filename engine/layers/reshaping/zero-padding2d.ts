import { z } from 'zod';
import { dataFormat } from '../common';
import type { DataFormat } from '../convolution/spatial';
import { defineLayer } from '../spec';
import { pairsSummary, type SidePairs, sidePairs, sideTotal, spatialResizeRules } from './spatial-resize';

export const zeroPadding2d = defineLayer({
  type: 'zeroPadding2d',
  label: 'ZeroPadding2D',
  category: 'reshaping',
  doc: 'Adds rows and columns of zeros around an image, making it taller and wider. Use it to control sizes exactly: to keep the border pixels in play before a "valid" convolution, or to make two branches line up before they are joined.',
  params: z
    .object({
      padding: sidePairs(
        1,
        'Rows and columns of zeros to add: one number for every side, [height, width] for both sides of each, or [[top, bottom], [left, right]].',
      ),
      dataFormat: dataFormat(),
    })
    .strict(),
  ...spatialResizeRules(
    'ZeroPadding2D',
    (size, axis, p: { padding: SidePairs; dataFormat: DataFormat }) => size + sideTotal(p.padding, axis),
  ),
  /** Copying values costs no arithmetic. */
  flops: () => 0,
  build: (tf, p, { name, trainable }) =>
    tf.layers.zeroPadding2d({
      padding: [[...p.padding[0]], [...p.padding[1]]],
      dataFormat: p.dataFormat,
      name,
      trainable,
    }),
  keras: { className: 'ZeroPadding2D' },
  summary: (p) => pairsSummary(p.padding),
});
