import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/spec';
import { boxOverlap, cellBox, tensorArithmetic } from '../box-geometry';
import { BOX_CHANNELS } from '../detection-grid';
import { defineLoss } from './spec';

/** Weight of the box numbers' L1 error beside the centre scores' focal loss. */
const OFFSET_WEIGHT = 1;
const SIZE_WEIGHT = 5;

/** One batch of grids cut into what the two halves of a detector's loss look at. */
interface GridParts {
  heatTrue: tfjs.Tensor;
  heatPred: tfjs.Tensor;
  boxTrue: tfjs.Tensor;
  boxPred: tfjs.Tensor;
  /** 1 where a class's score peaks at an object's centre, else 0. */
  peak: tfjs.Tensor;
  /** 1 where a cell holds an object's centre (of any class), else 0: batch × rows × cols × 1. */
  centre: tfjs.Tensor;
  /** Objects per image, at least 1 (so an empty image's loss is its focal part alone). */
  objects: tfjs.Tensor;
  /** Every axis but the batch's, to sum a sample over. */
  axes: number[];
}

/** Splits true and predicted grids into class scores and box numbers, and finds the centres. Call inside `tf.tidy`. */
function gridParts(tf: Tf, yTrue: tfjs.Tensor, yPred: tfjs.Tensor): GridParts {
  const classes = (yTrue.shape[yTrue.shape.length - 1] as number) - BOX_CHANNELS;
  const axes = yTrue.shape.slice(1).map((_, i) => i + 1);
  const [heatTrue, boxTrue] = tf.split(yTrue, [classes, BOX_CHANNELS], -1) as [tfjs.Tensor, tfjs.Tensor];
  const [heatPred, boxPred] = tf.split(yPred, [classes, BOX_CHANNELS], -1) as [tfjs.Tensor, tfjs.Tensor];
  const peak = tf.cast(tf.greaterEqual(heatTrue, 0.999), 'float32');
  const objects = tf.maximum(tf.sum(peak, axes), 1);
  return { heatTrue, heatPred, boxTrue, boxPred, peak, centre: tf.max(peak, -1, true), objects, axes };
}

/**
 * The penalty-reduced focal loss of centre-point detectors on the class scores, summed per image:
 * cells at a centre are pushed to 1, the rest to 0, less so near a centre and less for cells already
 * right, so the many empty cells do not drown the few objects.
 */
function centreFocal(tf: Tf, { heatTrue, heatPred, peak, axes }: GridParts): tfjs.Tensor {
  const p = tf.clipByValue(heatPred, 1e-4, 1 - 1e-4);
  const positive = tf.mul(tf.mul(tf.square(tf.sub(1, p)), tf.log(p)), peak);
  const away = tf.pow(tf.sub(1, heatTrue), 4);
  const negative = tf.mul(tf.mul(tf.mul(away, tf.square(p)), tf.log(tf.sub(1, p))), tf.sub(1, peak));
  return tf.neg(tf.sum(tf.add(positive, negative), axes));
}

/**
 * The loss of a centroid-grid detector (targets from `detection-grid.ts`, last axis: a score per
 * class, then centre offset x, y and box width, height): the focal loss on the class scores, and an
 * L1 error on the box numbers of the centre cells only. Both are divided by the number of objects
 * in the image.
 */
export const centroidFocal = defineLoss({
  id: 'centroidFocal',
  label: 'focal loss on object centres + L1 on box sizes',
  compute: (tf, yTrue, yPred) =>
    tf.tidy(() => {
      const parts = gridParts(tf, yTrue, yPred);
      const weights = tf.tensor1d([OFFSET_WEIGHT, OFFSET_WEIGHT, SIZE_WEIGHT, SIZE_WEIGHT]);
      const error = tf.mul(tf.mul(tf.abs(tf.sub(parts.boxTrue, parts.boxPred)), weights), parts.centre);
      return tf.div(tf.add(centreFocal(tf, parts), tf.sum(error, parts.axes)), parts.objects);
    }),
  keras: 'centroid_focal',
});

/**
 * The boxes a batch of grids' box numbers describe, one per cell, built as `detection-decode.ts`
 * builds them (so the loss judges the boxes the user is shown).
 */
function gridBoxes(tf: Tf, box: tfjs.Tensor) {
  const [, rows = 1, cols = 1] = box.shape;
  const [offsetX, offsetY, width, height] = tf.unstack(box, -1) as [tfjs.Tensor, tfjs.Tensor, tfjs.Tensor, tfjs.Tensor];
  const col = tf.reshape(tf.range(0, cols), [1, 1, cols]);
  const row = tf.reshape(tf.range(0, rows), [1, rows, 1]);
  return cellBox(tensorArithmetic(tf), { col, row, cols, rows, offsetX, offsetY, width, height });
}

/**
 * Like {@link centroidFocal}, but the box of each centre cell is judged as a whole: 1 − GIoU of the
 * predicted box against the true one. One number per object, on the scale of the overlap people
 * judge boxes by (and mAP counts), where L1 weighs a pixel of a small box as much as one of a large
 * box; GIoU rather than IoU so that a box that misses its object entirely still learns which way to
 * move.
 */
export const centroidFocalGiou = defineLoss({
  id: 'centroidFocalGiou',
  label: 'focal loss on object centres + GIoU on boxes',
  compute: (tf, yTrue, yPred) =>
    tf.tidy(() => {
      const parts = gridParts(tf, yTrue, yPred);
      const { giou } = boxOverlap(tensorArithmetic(tf), gridBoxes(tf, parts.boxPred), gridBoxes(tf, parts.boxTrue));
      const miss = tf.mul(tf.sub(1, giou), tf.squeeze(parts.centre, [-1]));
      return tf.div(tf.add(centreFocal(tf, parts), tf.sum(miss, [1, 2])), parts.objects);
    }),
  keras: 'centroid_focal_giou',
});
