import { meanSsim, meanSsimPython } from '../image-similarity';
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
  // Keras has no SSIM loss; `tf.image.ssim` is TensorFlow's, and refuses images smaller than 11×11.
  python: {
    name: 'ssim',
    source: `def ssim(y_true, y_pred):
    """One minus the mean SSIM of each rebuilt image and its original."""
    return 1.0 - mean_ssim(y_true, y_pred)`,
    uses: [meanSsimPython],
  },
});
