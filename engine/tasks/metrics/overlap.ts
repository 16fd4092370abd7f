import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/spec';
import { meanSsim, meanSsimPython } from '../image-similarity';
import type { PythonFunction } from '../python-function';
import { defineMetric } from './spec';

/**
 * Class indexes of a mask tensor as the loss sees it: one channel (a 0–1 foreground, or an index
 * stored as a number) or one channel per class (scores or one-hot).
 */
function maskClasses(tf: Tf, mask: tfjs.Tensor, binary: boolean): tfjs.Tensor {
  const last = mask.shape[mask.shape.length - 1] ?? 1;
  if (last > 1) return tf.argMax(mask, -1);
  const squeezed = tf.squeeze(mask, [-1]);
  return binary ? tf.cast(tf.greater(squeezed, 0.5), 'int32') : tf.cast(tf.round(squeezed), 'int32');
}

/** {@link maskClasses} in Keras Python. */
const maskClassesPython: PythonFunction = {
  name: '_mask_classes',
  source: `def _mask_classes(mask, binary):
    """Class indexes of a mask: the best of one channel per class, else its one channel thresholded or rounded."""
    if mask.shape[-1] > 1:
        return ops.argmax(mask, axis=-1)
    single = ops.squeeze(mask, axis=-1)
    return ops.cast(ops.greater(single, 0.5) if binary else ops.round(single), "int32")`,
};

/**
 * Intersection over union of the predicted and true masks, per class, averaged over the classes that
 * appear in either (the batch's mean IoU): 1 is a perfect mask.
 */
export const meanIou = defineMetric({
  id: 'meanIou',
  label: 'mean IoU (overlap of predicted and true masks, 1 is perfect)',
  compute: (tf, yTrue, yPred) =>
    tf.tidy(() => {
      const channels = yPred.shape[yPred.shape.length - 1] ?? 1;
      const binary = channels === 1;
      const classes = binary ? 2 : channels;
      const truth = tf.oneHot(tf.reshape(maskClasses(tf, yTrue, binary), [-1]).toInt(), classes);
      const guess = tf.oneHot(tf.reshape(maskClasses(tf, yPred, binary), [-1]).toInt(), classes);
      const inter = tf.sum(tf.mul(truth, guess), 0);
      const union = tf.sub(tf.add(tf.sum(truth, 0), tf.sum(guess, 0)), inter);
      const present = tf.cast(tf.greater(union, 0), 'float32');
      const iou = tf.div(inter, tf.maximum(union, 1));
      return tf.div(tf.sum(tf.mul(iou, present)), tf.maximum(tf.sum(present), 1));
    }),
  // Not `keras.metrics.MeanIoU`: it needs the class count and sums the whole epoch, where TF.js averages batches.
  python: {
    name: 'mean_iou',
    source: `def mean_iou(y_true, y_pred):
    """IoU of the predicted and true masks per class, averaged over the classes either shows (per batch)."""
    channels = y_pred.shape[-1]
    binary = channels == 1
    classes = 2 if binary else channels
    truth = ops.one_hot(ops.reshape(_mask_classes(y_true, binary), (-1,)), classes)
    guess = ops.one_hot(ops.reshape(_mask_classes(y_pred, binary), (-1,)), classes)
    inter = ops.sum(truth * guess, axis=0)
    union = ops.sum(truth, axis=0) + ops.sum(guess, axis=0) - inter
    present = ops.cast(ops.greater(union, 0), "float32")
    iou = inter / ops.maximum(union, 1.0)
    return ops.sum(iou * present) / ops.maximum(ops.sum(present), 1.0)`,
    uses: [maskClassesPython],
  },
});

/**
 * Peak signal-to-noise ratio of a rebuilt image against the original (values 0–1), in decibels,
 * averaged over the batch: higher is better; about 20 dB is blurry, above 30 dB hard to tell apart.
 */
export const psnr = defineMetric({
  id: 'psnr',
  label: 'PSNR in dB (how close the rebuilt images are, higher is better)',
  compute: (tf, yTrue, yPred) =>
    tf.tidy(() => {
      const axes = yTrue.shape.slice(1).map((_, i) => i + 1);
      const mse = tf.mean(tf.squaredDifference(yTrue, yPred), axes);
      return tf.mul(-10 / Math.LN10, tf.log(tf.add(mse, 1e-10)));
    }),
  python: {
    name: 'psnr',
    source: `def psnr(y_true, y_pred):
    """Peak signal-to-noise ratio of each rebuilt image against the original (values 0-1), in decibels."""
    y_true = ops.cast(y_true, y_pred.dtype)
    axes = tuple(range(1, len(y_true.shape)))
    return -10.0 * ops.log10(ops.mean(ops.square(y_true - y_pred), axis=axes) + 1e-10)`,
  },
});

/**
 * Mean structural similarity (SSIM) of a rebuilt image against the original (values 0–1), averaged
 * over the batch: 1 is the same image; it drops for blur and lost edges that PSNR barely notices.
 */
export const ssim = defineMetric({
  id: 'ssim',
  label: 'SSIM (structural similarity of the rebuilt images, 1 is perfect)',
  compute: (tf, yTrue, yPred) => tf.tidy(() => meanSsim(tf, yTrue, yPred)),
  python: meanSsimPython,
});
