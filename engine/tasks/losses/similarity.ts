import { meanSsim } from '../image-similarity';
import { defineLoss } from './spec';

/**
 * One minus the mean structural similarity (SSIM) of the rebuilt image and the original, per sample:
 * judges local structure, contrast and brightness as people see them, where squared error prefers
 * a blur that is right on average. For images of values 0–1.
 */
export const ssim = defineLoss({
  id: 'ssim',
  label: 'SSIM loss (structural similarity)',
  compute: (tf, yTrue, yPred) => tf.tidy(() => tf.sub(1, meanSsim(tf, yTrue, yPred))),
  keras: 'ssim',
});
