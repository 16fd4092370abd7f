import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/spec';
import { boxGiouPython, boxOverlap, cellBox, tensorArithmetic } from '../box-geometry';
import { BOX_CHANNELS } from '../detection-grid';
import type { PythonFunction } from '../python-function';
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

/** {@link centreFocal} in Keras Python. */
const centreFocalPython: PythonFunction = {
  name: '_centre_focal',
  source: `def _centre_focal(heat_true, heat_pred, peak):
    """Penalty-reduced focal loss of the class scores, summed per image: centres pushed to 1, the rest to 0."""
    p = ops.clip(heat_pred, 1e-4, 1 - 1e-4)
    positive = ops.square(1 - p) * ops.log(p) * peak
    negative = ops.power(1 - heat_true, 4) * ops.square(p) * ops.log(1 - p) * (1 - peak)
    return -ops.sum(positive + negative, axis=(1, 2, 3))`,
};

/**
 * {@link gridParts} in Keras Python, the focal part included (both losses add it): a grid is batch ×
 * rows × cols × (a score per class, then the box numbers), as `detection-grid.ts` lays it out.
 */
const gridPartsPython: PythonFunction = {
  name: '_grid_parts',
  source: `def _grid_parts(y_true, y_pred):
    """The focal loss of the class scores, the true and predicted box numbers, the centre cells and the objects per image."""
    y_true = ops.cast(y_true, y_pred.dtype)
    classes = y_true.shape[-1] - ${BOX_CHANNELS}
    heat_true, box_true = y_true[..., :classes], y_true[..., classes:]
    heat_pred, box_pred = y_pred[..., :classes], y_pred[..., classes:]
    # peak: 1 where a class's score peaks at an object's centre; centre: the cells holding any centre.
    peak = ops.cast(ops.greater_equal(heat_true, 0.999), y_pred.dtype)
    centre = ops.max(peak, axis=-1, keepdims=True)
    # At least 1, so an empty image's loss is its focal part alone.
    objects = ops.maximum(ops.sum(peak, axis=(1, 2, 3)), 1.0)
    return _centre_focal(heat_true, heat_pred, peak), box_true, box_pred, centre, objects`,
  uses: [centreFocalPython],
};

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
  python: {
    name: 'centroid_focal',
    source: `def centroid_focal(y_true, y_pred):
    """Focal loss on the object centres and L1 on their box numbers, per object in the image."""
    focal, box_true, box_pred, centre, objects = _grid_parts(y_true, y_pred)
    weights = ops.convert_to_tensor([${OFFSET_WEIGHT}, ${OFFSET_WEIGHT}, ${SIZE_WEIGHT}, ${SIZE_WEIGHT}], dtype=y_pred.dtype)
    error = ops.abs(box_true - box_pred) * weights * centre
    return (focal + ops.sum(error, axis=(1, 2, 3))) / objects`,
    uses: [gridPartsPython],
  },
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

/** {@link gridBoxes} in Keras Python, each box as `cellBox` in `box-geometry.ts` builds it. */
const gridBoxesPython: PythonFunction = {
  name: '_grid_boxes',
  source: `def _grid_boxes(box):
    """The box of each cell as corners (x0, y0, x1, y1) in fractions of the image, clipped to it."""
    _, rows, cols, _ = box.shape
    col = ops.reshape(ops.arange(cols, dtype=box.dtype), (1, 1, cols))
    row = ops.reshape(ops.arange(rows, dtype=box.dtype), (1, rows, 1))
    # The centre is the cell's corner plus the offset, in cells; the size is already a fraction of the image.
    cx = (col + box[..., 0]) / cols
    cy = (row + box[..., 1]) / rows
    half_w, half_h = box[..., 2] / 2, box[..., 3] / 2
    return (
        ops.maximum(0.0, cx - half_w),
        ops.maximum(0.0, cy - half_h),
        ops.minimum(1.0, cx + half_w),
        ops.minimum(1.0, cy + half_h),
    )`,
};

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
  python: {
    name: 'centroid_focal_giou',
    source: `def centroid_focal_giou(y_true, y_pred):
    """Focal loss on the object centres and 1 - GIoU of their boxes, per object in the image."""
    focal, box_true, box_pred, centre, objects = _grid_parts(y_true, y_pred)
    giou = _box_giou(_grid_boxes(box_pred), _grid_boxes(box_true))
    miss = (1 - giou) * ops.squeeze(centre, axis=-1)
    return (focal + ops.sum(miss, axis=(1, 2))) / objects`,
    uses: [gridPartsPython, gridBoxesPython, boxGiouPython],
  },
});
