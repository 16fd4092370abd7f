import type { Rank, Scalar, Variable } from '@tensorflow/tfjs-core';
import type { Tf } from './kernels/composed-kernel';
import type { BackendProbe } from './select-backend';

/** Size of the {@link convTrainProbe} workload. */
export interface ConvProbeSize {
  /** Samples per step. */
  batch?: number;
  /** Height and width of the square single-channel input. */
  imageSize?: number;
}

/**
 * A small CNN's training step, written with core ops only so it runs wherever TF.js core does:
 * conv 3×3×8 → relu → max-pool 2 → conv 3×3×16 → relu → max-pool 2 → dense 10 → softmax
 * cross-entropy, one SGD update per step. It exercises the kernels whose speed differs most between
 * backends (convolutions and their gradients) on random data.
 *
 * @example
 * const { backend } = await measureBackends(tf, ['webgl', 'wasm', 'cpu'], convTrainProbe({ batch: 16 }));
 */
export function convTrainProbe({ batch = 16, imageSize = 20 }: ConvProbeSize = {}): BackendProbe {
  return (tf: Tf) => {
    const pooled = Math.floor(Math.floor(imageSize / 2) / 2);
    const xs = tf.randomNormal<Rank.R4>([batch, imageSize, imageSize, 1]);
    const ys = tf.tidy(() => tf.oneHot(tf.randomUniform<Rank.R1>([batch], 0, 10, 'int32'), 10));
    // He initialisation, so the loss moves from the first step.
    const he = (shape: [number, number, number, number] | [number, number]) =>
      tf.tidy(() => tf.variable(tf.mul(tf.randomNormal(shape), Math.sqrt(2 / shape.slice(0, -1).reduce((a, b) => a * b)))));
    const conv1 = he([3, 3, 1, 8]) as Variable<Rank.R4>;
    const conv2 = he([3, 3, 8, 16]) as Variable<Rank.R4>;
    const dense = he([pooled * pooled * 16, 10]) as Variable<Rank.R2>;
    const weights = [conv1, conv2, dense];
    const optimizer = tf.train.sgd(0.01);
    const loss = (): Scalar =>
      tf.tidy(() => {
        const a = tf.maxPool(tf.relu(tf.conv2d(xs, conv1, 1, 'same')), 2, 2, 'valid');
        const b = tf.maxPool(tf.relu(tf.conv2d(a, conv2, 1, 'same')), 2, 2, 'valid');
        return tf.losses.softmaxCrossEntropy(ys, tf.matMul(tf.reshape(b, [batch, -1]), dense)) as Scalar;
      });
    return {
      samplesPerStep: batch,
      async step() {
        const cost = optimizer.minimize(loss, true, weights);
        await cost?.data();
        cost?.dispose();
      },
      dispose() {
        optimizer.dispose();
        tf.dispose([xs, ys, ...weights]);
      },
    };
  };
}
