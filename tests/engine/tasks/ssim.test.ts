import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../engine/data/random';
import type { TensorFunction } from '../../../engine/tasks/computation';
import { ssimWindowSize } from '../../../engine/tasks/image-similarity';
import { ssim as ssimLoss } from '../../../engine/tasks/losses/similarity';
import { ssim as ssimMetric } from '../../../engine/tasks/metrics/overlap';
import { reconstructionEvaluator } from '../../../engine/tasks/rebuild-quality';
import { reconstruction } from '../../../engine/tasks/reconstruction';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Image {
  height: number;
  width: number;
  channels: number;
  /** Row by row, channels last, as tensors store them. */
  values: Float32Array;
}

const randomImage = (height: number, width: number, channels: number, seed: number): Image => {
  const random = seededRandom(seed);
  return { height, width, channels, values: Float32Array.from({ length: height * width * channels }, () => random()) };
};

/** A copy with every value moved by `shift` plus uniform noise of ± `noise`, kept in 0–1. */
function altered(image: Image, shift: number, noise: number, seed: number): Image {
  const random = seededRandom(seed);
  const values = Float32Array.from(image.values, (v) => Math.min(1, Math.max(0, v + shift + noise * (2 * random() - 1))));
  return { ...image, values };
}

/**
 * SSIM as Wang et al. (2004) define it, written out with loops: an 11×11 Gaussian of σ = 1.5 (the
 * smaller side, made odd, for smaller images), weighted local statistics at every window position
 * that fits, C1 = 0.01², C2 = 0.03², the map averaged over positions and channels.
 */
function referenceSsim(a: Image, b: Image): number {
  let size = Math.min(11, a.height, a.width);
  if (size % 2 === 0) size -= 1;
  const weights: number[][] = [];
  let total = 0;
  for (let i = 0; i < size; i++) {
    weights.push([]);
    for (let j = 0; j < size; j++) {
      const w = Math.exp(-((i - (size - 1) / 2) ** 2 + (j - (size - 1) / 2) ** 2) / (2 * 1.5 ** 2));
      weights[i]?.push(w);
      total += w;
    }
  }
  const at = (img: Image, y: number, x: number, c: number) => img.values[(y * img.width + x) * img.channels + c] as number;
  let sum = 0;
  let count = 0;
  for (let c = 0; c < a.channels; c++) {
    for (let top = 0; top + size <= a.height; top++) {
      for (let left = 0; left + size <= a.width; left++) {
        let mx = 0;
        let my = 0;
        let xx = 0;
        let yy = 0;
        let xy = 0;
        for (let i = 0; i < size; i++) {
          for (let j = 0; j < size; j++) {
            const w = (weights[i]?.[j] as number) / total;
            const x = at(a, top + i, left + j, c);
            const y = at(b, top + i, left + j, c);
            mx += w * x;
            my += w * y;
            xx += w * x * x;
            yy += w * y * y;
            xy += w * x * y;
          }
        }
        const vx = xx - mx * mx;
        const vy = yy - my * my;
        const cov = xy - mx * my;
        sum += ((2 * mx * my + 0.01 ** 2) * (2 * cov + 0.03 ** 2)) / ((mx * mx + my * my + 0.01 ** 2) * (vx + vy + 0.03 ** 2));
        count++;
      }
    }
  }
  return sum / count;
}

const tensorOf = (images: Image[]) => {
  const [first] = images as [Image];
  const values = new Float32Array(images.length * first.values.length);
  images.forEach((img, i) => {
    values.set(img.values, i * first.values.length);
  });
  return tf.tensor4d(values, [images.length, first.height, first.width, first.channels]);
};

const computeSsimLoss = ssimLoss.compute as TensorFunction;

/** The per-sample SSIM loss of pairs of images. */
function lossOf(truths: Image[], guesses: Image[]): number[] {
  return tf.tidy(() => Array.from(computeSsimLoss(tf, tensorOf(truths), tensorOf(guesses)).dataSync()));
}

describe('the SSIM loss', () => {
  it('is 0 for identical images', () => {
    const images = [randomImage(28, 28, 1, 1), randomImage(28, 28, 1, 2)];
    for (const loss of lossOf(images, images)) expect(Math.abs(loss)).toBeLessThan(1e-6);
    const small = [randomImage(8, 8, 3, 3)];
    expect(Math.abs(lossOf(small, small)[0] as number)).toBeLessThan(1e-6);
  });

  it.each([
    { name: '28×28, one channel', height: 28, width: 28, channels: 1 },
    { name: '28×28, three channels', height: 28, width: 28, channels: 3 },
    { name: '8×8 (smaller than the window), two channels', height: 8, width: 8, channels: 2 },
    { name: '12×9, three channels', height: 12, width: 9, channels: 3 },
  ])('agrees with SSIM computed by the definition: $name', ({ height, width, channels }) => {
    const truths = [0, 1, 2].map((k) => randomImage(height, width, channels, 10 + k));
    const guesses = truths.map((img, k) => altered(img, k === 2 ? 0.2 : 0, 0.1 * (k + 1), 20 + k));
    const losses = lossOf(truths, guesses);
    truths.forEach((truth, k) => {
      expect(losses[k]).toBeCloseTo(1 - referenceSsim(truth, guesses[k] as Image), 4);
    });
  });

  it('shrinks its window to the smaller side of small images, keeping it odd', () => {
    expect(ssimWindowSize(28, 28)).toBe(11);
    expect(ssimWindowSize(8, 8)).toBe(7);
    expect(ssimWindowSize(32, 9)).toBe(9);
    expect(ssimWindowSize(1, 1)).toBe(1);
  });

  it('scores a brighter, noisier copy worse than a slightly noisy one', () => {
    const truth = randomImage(28, 28, 1, 5);
    const [slight, worse] = lossOf([truth, truth], [altered(truth, 0, 0.05, 6), altered(truth, 0.15, 0.3, 7)]) as [number, number];
    expect(slight).toBeGreaterThan(0);
    expect(worse).toBeGreaterThan(slight);
  });

  it('has finite gradients, and a few steps of an optimiser on an image bring it closer', () => {
    const truth = tensorOf([randomImage(16, 16, 2, 8)]);
    const guess = tf.variable(tensorOf([randomImage(16, 16, 2, 9)]));
    const loss = () => tf.mean(computeSsimLoss(tf, truth, guess)) as tf.Scalar;
    const { value, grads } = tf.variableGrads(loss, [guess]);
    const gradient = grads[guess.name] as tf.Tensor;
    expect(Array.from(gradient.dataSync()).every(Number.isFinite)).toBe(true);
    expect(tf.max(tf.abs(gradient)).dataSync()[0]).toBeGreaterThan(0);
    const before = value.dataSync()[0] as number;
    const optimizer = tf.train.adam(0.05);
    for (let step = 0; step < 20; step++) optimizer.minimize(loss);
    const after = loss().dataSync()[0] as number;
    expect(after).toBeLessThan(before - 0.1);
    optimizer.dispose();
    tf.dispose([truth, guess, value, gradient]);
  });
});

describe('SSIM for image reconstruction', () => {
  it('is a loss the task offers and a metric it reports', () => {
    expect(reconstruction.losses.map((l) => l.id)).toContain('ssim');
    expect(reconstruction.metrics.map((m) => m.id)).toContain('ssim');
    expect(reconstruction.chooseLoss('ssim', { featureShape: [28, 28, 1], labelSize: 784, outputUnits: 1 })).toBeNull();
  });

  it('as a metric is the mean SSIM of the batch, and the evaluation reports the same', () => {
    const truths = [randomImage(8, 8, 1, 30), randomImage(8, 8, 1, 31)];
    const guesses = truths.map((img, k) => altered(img, 0.05, 0.1, 40 + k));
    const expected = (referenceSsim(truths[0] as Image, guesses[0] as Image) + referenceSsim(truths[1] as Image, guesses[1] as Image)) / 2;
    const metric = tf.tidy(() => tf.mean(ssimMetric.compute?.(tf, tensorOf(truths), tensorOf(guesses)) as tf.Tensor).dataSync()[0]);
    expect(metric).toBeCloseTo(expected, 4);
    const evaluator = reconstructionEvaluator({
      split: 'test',
      featureShape: [8, 8, 1],
      labelSize: 64,
      outputUnits: 1,
      samples: 2,
      maxPoints: 10,
      tf,
    });
    const labels = tensorOf(truths).dataSync() as Float32Array;
    evaluator.add({ features: labels, labels, size: 2 }, tensorOf(guesses).dataSync() as Float32Array);
    expect(evaluator.result().ssim).toBeCloseTo(expected, 4);
  });
});
