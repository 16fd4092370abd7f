import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/spec';
import type { PythonFunction } from './python-function';

/**
 * Structural similarity (SSIM, Wang et al. 2004) as its authors compute it: local means, variances
 * and covariance under an 11×11 Gaussian window of σ = 1.5, for values 0–1 (dynamic range L = 1).
 */
export const SSIM_WINDOW = 11;
export const SSIM_SIGMA = 1.5;
/** (0.01·L)² and (0.03·L)²: keep the ratios stable where means or variances are near 0. */
export const SSIM_C1 = 0.01 ** 2;
export const SSIM_C2 = 0.03 ** 2;

/**
 * The side of the window for an image of this height and width: 11, or — for images smaller than
 * that, such as 8×8 digits, where a valid 11×11 window would not fit once — the smaller side, made
 * odd so that the window has a centre pixel. σ stays 1.5: a smaller window cuts the same Gaussian
 * shorter (weights renormalised), rather than making a different one.
 */
export function ssimWindowSize(height: number, width: number): number {
  const side = Math.min(SSIM_WINDOW, height, width);
  return side % 2 === 1 ? side : Math.max(1, side - 1);
}

/** A size × size Gaussian of σ = {@link SSIM_SIGMA}, summing to 1, row by row. */
export function gaussianWindow(size: number): Float32Array {
  const half = (size - 1) / 2;
  const line = Array.from({ length: size }, (_, i) => Math.exp(-((i - half) ** 2) / (2 * SSIM_SIGMA * SSIM_SIGMA)));
  const total = line.reduce((a, b) => a + b, 0);
  const window = new Float32Array(size * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) window[y * size + x] = ((line[y] as number) * (line[x] as number)) / total ** 2;
  return window;
}

/**
 * The mean SSIM of each sample (batch × height × width × channels, or without the channel axis),
 * over every window position that fits inside the image ('valid') and every channel: 1 for the same
 * image, lower as structure, contrast or brightness drift apart. Differentiable; call inside `tf.tidy`.
 */
export function meanSsim(tf: Tf, a: tfjs.Tensor, b: tfjs.Tensor): tfjs.Tensor1D {
  if (a.rank !== 3 && a.rank !== 4) {
    throw new Error(`SSIM compares images (height × width, with or without channels); these samples are ${a.shape.slice(1).join('×')}.`);
  }
  const x = (a.rank === 3 ? tf.expandDims(a, -1) : a) as tfjs.Tensor4D;
  const y = (b.rank === 3 ? tf.expandDims(b, -1) : b) as tfjs.Tensor4D;
  const [, height = 1, width = 1, channels = 1] = x.shape;
  const size = ssimWindowSize(height, width);
  // One window per channel: a depthwise convolution averages each channel on its own.
  const kernel = tf.tile(tf.tensor4d(gaussianWindow(size), [size, size, 1, 1]), [1, 1, channels, 1]) as tfjs.Tensor4D;
  const local = (t: tfjs.Tensor4D) => tf.depthwiseConv2d(t, kernel, 1, 'valid');
  const muX = local(x);
  const muY = local(y);
  const muXX = tf.mul(muX, muX);
  const muYY = tf.mul(muY, muY);
  const muXY = tf.mul(muX, muY);
  const varX = tf.sub(local(tf.mul(x, x)), muXX);
  const varY = tf.sub(local(tf.mul(y, y)), muYY);
  const covXY = tf.sub(local(tf.mul(x, y)), muXY);
  const numerator = tf.mul(tf.add(tf.mul(muXY, 2), SSIM_C1), tf.add(tf.mul(covXY, 2), SSIM_C2));
  const denominator = tf.mul(tf.add(tf.add(muXX, muYY), SSIM_C1), tf.add(tf.add(varX, varY), SSIM_C2));
  return tf.mean(tf.div(numerator, denominator), [1, 2, 3]) as tfjs.Tensor1D;
}

/**
 * {@link meanSsim} in Keras Python, with the same window, shrinking and constants: not
 * `tf.image.ssim`, which refuses images smaller than its 11×11 window (8×8 digits). Per sample, so
 * Keras averages it over the batch as TF.js does; also the `ssim` metric, logged as `mean_ssim`.
 */
export const meanSsimPython: PythonFunction = {
  name: 'mean_ssim',
  source: `def mean_ssim(y_true, y_pred):
    """Mean structural similarity (SSIM) of each image pair, values 0-1: 1 for the same image."""
    x = ops.cast(y_true, "float32")
    y = ops.cast(y_pred, "float32")
    if len(y.shape) == 3:
        x, y = ops.expand_dims(x, -1), ops.expand_dims(y, -1)
    _, height, width, channels = y.shape
    # Images smaller than the window get the largest odd window that fits: the same Gaussian, cut shorter.
    side = min(${SSIM_WINDOW}, height, width)
    size = side if side % 2 == 1 else max(1, side - 1)
    line = ops.exp(-ops.square(ops.arange(size, dtype="float32") - (size - 1) / 2) / (2 * ${SSIM_SIGMA} ** 2))
    window = ops.outer(line, line) / ops.square(ops.sum(line))
    # One window per channel: a depthwise convolution averages each channel on its own.
    kernel = ops.tile(ops.reshape(window, (size, size, 1, 1)), (1, 1, channels, 1))

    def local(t):
        return ops.depthwise_conv(t, kernel, strides=1, padding="valid")

    mu_x, mu_y = local(x), local(y)
    var_x = local(x * x) - mu_x * mu_x
    var_y = local(y * y) - mu_y * mu_y
    cov_xy = local(x * y) - mu_x * mu_y
    numerator = (2 * mu_x * mu_y + ${SSIM_C1}) * (2 * cov_xy + ${SSIM_C2})
    denominator = (mu_x * mu_x + mu_y * mu_y + ${SSIM_C1}) * (var_x + var_y + ${SSIM_C2})
    return ops.mean(numerator / denominator, axis=(1, 2, 3))`,
};
