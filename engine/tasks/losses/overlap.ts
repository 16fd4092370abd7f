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
});
