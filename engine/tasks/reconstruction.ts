import { z } from 'zod';
import { resample } from '../data/image-move';
import { meanAbsoluteError, meanSquaredError } from './losses/distance';
import { ssim as ssimLoss } from './losses/similarity';
import { mae } from './metrics/errors';
import { psnr, ssim } from './metrics/overlap';
import { reconstructionEvaluator } from './rebuild-quality';
import { defineTask } from './spec';

const REBUILD_LOSSES: readonly string[] = [meanSquaredError.id, meanAbsoluteError.id, ssimLoss.id];

/**
 * Rebuilding the input (autoencoders, denoising): each sample's label is the clean picture itself, so
 * noise that augmentation adds to the input is what the model learns to remove.
 */
export const reconstruction = defineTask({
  id: 'reconstruction',
  label: 'image reconstruction',
  doc: 'The target of each image is the image itself (kept clean while augmentation may add noise to the input); the model outputs an image of the same shape and is judged by how close it is: PSNR in decibels, structural similarity (SSIM) and mean squared error.',
  labelSchema: ({ featureShape }) => {
    const size = featureShape.reduce((a, b) => a * b, 1);
    return z.array(z.number().min(0).max(1)).length(size, `A target is an image of ${featureShape.join('×')} values from 0 to 1.`);
  },
  labelShape: (context) => context.featureShape,
  encodeLabels: (tf, batch, context) => tf.tensor(batch.labels, [batch.size, ...context.featureShape]),
  losses: [meanSquaredError, meanAbsoluteError, ssimLoss],
  chooseLoss: (chosen) => (chosen && REBUILD_LOSSES.includes(chosen) ? null : { loss: meanSquaredError.id, metrics: [psnr.id] }),
  labelWords: (facts) => `images of ${facts.featureShape.join('×')} to rebuild`,
  lossReason: (loss) =>
    loss === ssimLoss.id
      ? 'because the target is the picture itself, judged by its structure as people see it'
      : 'because the target is the picture itself',
  metrics: [psnr, ssim, mae],
  fitOutput: () => null,
  evaluate: reconstructionEvaluator,
  // The clean target moves with the picture, so flips and shifts are not mistaken for noise.
  moveLabels: (label, move) => {
    const moved = new Float32Array(label.length);
    resample(label, moved, move, label.length / (move.height * move.width));
    return moved;
  },
  stratify: false,
});
