import { defineLoss } from './spec';

/** The mean of the squared differences: the usual loss for numbers; large errors weigh heavily. */
export const meanSquaredError = defineLoss({
  id: 'meanSquaredError',
  label: 'mean squared error',
  builtin: 'meanSquaredError',
  keras: 'mean_squared_error',
  aliases: ['mse'],
});

/** The mean of the absolute differences: less swayed by a few far-off targets. */
export const meanAbsoluteError = defineLoss({
  id: 'meanAbsoluteError',
  label: 'mean absolute error',
  builtin: 'meanAbsoluteError',
  keras: 'mean_absolute_error',
  aliases: ['mae'],
});

/**
 * Squared for small errors and absolute for large ones (δ = 1): robust to outliers yet smooth near
 * zero. `model.compile` has no name for it, so it is computed from `tf.losses.huberLoss`.
 */
export const huberLoss = defineLoss({
  id: 'huberLoss',
  label: 'Huber loss',
  compute: (tf, yTrue, yPred) => tf.losses.huberLoss(yTrue, yPred),
  keras: 'huber',
});
