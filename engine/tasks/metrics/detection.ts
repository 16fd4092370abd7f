import { BOX_CHANNELS } from '../detection-grid';
import { defineMetric } from './spec';

/**
 * Share of the objects whose centre cell the detector scores 0.5 or more for the right class, per
 * batch: a quick figure for each epoch (mAP, which needs decoding and matching, is computed on the
 * test split at the end).
 */
export const centreRecall = defineMetric({
  id: 'centreRecall',
  label: 'centre recall (share of objects whose centre scores ≥ 0.5)',
  compute: (tf, yTrue, yPred) =>
    tf.tidy(() => {
      const classes = (yTrue.shape[yTrue.shape.length - 1] as number) - 4;
      const heatTrue = tf.slice(yTrue, Array(yTrue.rank).fill(0), [...yTrue.shape.slice(0, -1), classes]);
      const heatPred = tf.slice(yPred, Array(yPred.rank).fill(0), [...yPred.shape.slice(0, -1), classes]);
      const peak = tf.cast(tf.greaterEqual(heatTrue, 0.999), 'float32');
      const found = tf.mul(peak, tf.cast(tf.greaterEqual(heatPred, 0.5), 'float32'));
      return tf.div(tf.sum(found), tf.maximum(tf.sum(peak), 1));
    }),
  python: {
    name: 'centre_recall',
    source: `def centre_recall(y_true, y_pred):
    """Share of the objects whose centre cell scores 0.5 or more for the right class (per batch)."""
    classes = y_true.shape[-1] - ${BOX_CHANNELS}
    peak = ops.cast(ops.greater_equal(y_true[..., :classes], 0.999), "float32")
    found = peak * ops.cast(ops.greater_equal(y_pred[..., :classes], 0.5), "float32")
    return ops.sum(found) / ops.maximum(ops.sum(peak), 1.0)`,
  },
});
