import { defineLoss } from './spec';

/** Weight of the box numbers' L1 error beside the centre scores' focal loss. */
const OFFSET_WEIGHT = 1;
const SIZE_WEIGHT = 5;

/**
 * The loss of a centroid-grid detector (targets from `detection-grid.ts`, last axis: a score per
 * class, then centre offset x, y and box width, height). The class scores get the penalty-reduced
 * focal loss of centre-point detectors — cells at a centre are pushed to 1, the rest to 0, less so
 * near a centre and less for cells already right, so the many empty cells do not drown the few
 * objects — and the box numbers an L1 error on the centre cells only. Both are divided by the
 * number of objects in the image.
 */
export const centroidFocal = defineLoss({
  id: 'centroidFocal',
  label: 'focal loss on object centres + L1 on box sizes',
  compute: (tf, yTrue, yPred) =>
    tf.tidy(() => {
      const channels = yTrue.shape[yTrue.shape.length - 1] as number;
      const classes = channels - 4;
      const axes = yTrue.shape.slice(1).map((_, i) => i + 1);
      const [heatTrue, boxTrue] = tf.split(yTrue, [classes, 4], -1) as [typeof yTrue, typeof yTrue];
      const [heatPred, boxPred] = tf.split(yPred, [classes, 4], -1) as [typeof yPred, typeof yPred];
      const p = tf.clipByValue(heatPred, 1e-4, 1 - 1e-4);
      const peak = tf.cast(tf.greaterEqual(heatTrue, 0.999), 'float32');
      const positive = tf.mul(tf.mul(tf.square(tf.sub(1, p)), tf.log(p)), peak);
      const away = tf.pow(tf.sub(1, heatTrue), 4);
      const negative = tf.mul(tf.mul(tf.mul(away, tf.square(p)), tf.log(tf.sub(1, p))), tf.sub(1, peak));
      const objects = tf.maximum(tf.sum(peak, axes), 1);
      const focal = tf.div(tf.neg(tf.sum(tf.add(positive, negative), axes)), objects);
      const centre = tf.max(peak, -1, true);
      const weights = tf.tensor1d([OFFSET_WEIGHT, OFFSET_WEIGHT, SIZE_WEIGHT, SIZE_WEIGHT]);
      const l1 = tf.sum(tf.mul(tf.mul(tf.abs(tf.sub(boxTrue, boxPred)), weights), centre), axes);
      return tf.add(focal, tf.div(l1, objects));
    }),
  keras: 'centroid_focal',
});
