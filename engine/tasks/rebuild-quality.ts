import type { Batch, SplitName } from '../data/batch-source';
import type { Tf } from '../layers/spec';
import { meanSsim } from './image-similarity';
import type { EvaluationContext, Evaluator } from './spec';

/** How closely a model rebuilds its inputs on a split: PSNR, SSIM and error, and a few pairs to look at. */
export interface ReconstructionEvaluation {
  kind: 'reconstruction';
  split: SplitName;
  /** Mean peak signal-to-noise ratio over the samples, in dB (values 0–1). */
  psnr: number;
  /** Mean structural similarity over the samples (1 is the same image); absent for samples that are not images. */
  ssim?: number;
  mse: number;
  count: number;
  /** The first samples: what went in, what should come out, what came out. */
  samples: { features: number[]; target: number[]; output: number[] }[];
  featureShape: number[];
}

/** PSNR of one image against its target, in dB, for values 0–1. */
export function imagePsnr(target: ArrayLike<number>, output: ArrayLike<number>): number {
  let sq = 0;
  for (let j = 0; j < target.length; j++) sq += ((target[j] as number) - (output[j] as number)) ** 2;
  return -10 * Math.log10(sq / Math.max(target.length, 1) + 1e-10);
}

/** The sum of one batch's per-sample SSIM, by TF.js, for samples shaped as images (height × width, channels or not). */
function batchSsimSum(tf: Tf, targets: Float32Array, outputs: Float32Array, size: number, featureShape: number[]): number {
  return tf.tidy(() => {
    const shape = [size, ...featureShape];
    return tf.sum(meanSsim(tf, tf.tensor(targets, shape), tf.tensor(outputs, shape))).dataSync()[0] as number;
  });
}

/** Sums PSNR, SSIM and squared error per sample as batches stream by, keeping the first pairs. */
export function reconstructionEvaluator(context: EvaluationContext): Evaluator<ReconstructionEvaluation> {
  const width = context.featureShape.reduce((a, b) => a * b, 1);
  const images = context.featureShape.length === 2 || context.featureShape.length === 3;
  const tf = images ? context.tf : undefined;
  const samples: ReconstructionEvaluation['samples'] = [];
  let psnrSum = 0;
  let ssimSum = 0;
  let sqSum = 0;
  let count = 0;
  return {
    add(batch: Batch, predictions: Float32Array) {
      if (tf && batch.size > 0) {
        const targets = batch.labels.subarray(0, batch.size * width);
        ssimSum += batchSsimSum(tf, targets, predictions.subarray(0, batch.size * width), batch.size, context.featureShape);
      }
      for (let i = 0; i < batch.size; i++) {
        const target = batch.labels.subarray(i * width, (i + 1) * width);
        const output = predictions.subarray(i * width, (i + 1) * width);
        psnrSum += imagePsnr(target, output);
        for (let j = 0; j < width; j++) sqSum += ((target[j] as number) - (output[j] as number)) ** 2;
        if (samples.length < Math.min(context.samples, 8)) {
          samples.push({
            features: Array.from(batch.features.subarray(i * width, (i + 1) * width)),
            target: Array.from(target),
            output: Array.from(output),
          });
        }
        count++;
      }
    },
    result() {
      const n = Math.max(count, 1);
      return {
        kind: 'reconstruction',
        split: context.split,
        psnr: psnrSum / n,
        ...(tf ? { ssim: ssimSum / n } : {}),
        mse: sqSum / (n * width),
        count,
        samples,
        featureShape: context.featureShape,
      };
    },
  };
}
