import { defineLoss } from './spec';

/**
 * One minus the Dice coefficient (twice the overlap of prediction and truth over their sizes), per
 * sample over every pixel and class: for masks where the object is small beside the background, which
 * per-pixel cross-entropy would let the model ignore.
 */
export const dice = defineLoss({
  id: 'dice',
  label: 'Dice loss (overlap of masks)',
  compute: (tf, yTrue, yPred) =>
    tf.tidy(() => {
      const axes = yTrue.shape.slice(1).map((_, i) => i + 1);
      const overlap = tf.sum(tf.mul(yTrue, yPred), axes);
      const sizes = tf.add(tf.sum(yTrue, axes), tf.sum(yPred, axes));
      return tf.sub(1, tf.div(tf.add(tf.mul(overlap, 2), 1), tf.add(sizes, 1)));
    }),
  keras: 'dice',
  // Keras 3's own `dice` sums over the whole batch at once and smooths by 1e-7 only below the line;
  // ours is per sample and smoothed by 1 above and below, so the export defines it (same name).
  python: {
    name: 'dice',
    source: `def dice(y_true, y_pred):
    """One minus the Dice coefficient of each sample's masks, over every pixel and class, smoothed by 1."""
    y_true = ops.cast(y_true, y_pred.dtype)
    axes = tuple(range(1, len(y_true.shape)))
    overlap = ops.sum(y_true * y_pred, axis=axes)
    sizes = ops.sum(y_true, axis=axes) + ops.sum(y_pred, axis=axes)
    return 1.0 - (2.0 * overlap + 1.0) / (sizes + 1.0)`,
  },
});
