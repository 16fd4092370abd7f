import { z } from 'zod';
import type { Batch } from './batch-source';
import { drawMove, type ImageMove, isStill, resample } from './image-move';
import { gaussian, seededRandom } from './random';

/**
 * Random changes applied to image batches at training time, so a network sees a slightly different
 * picture every epoch. Everything is off by default; each amount is the largest change drawn
 * (uniformly in ± that amount) per sample.
 */
export const AugmentationConfigSchema = z
  .object({
    flipHorizontal: z.boolean().default(false).describe('Mirror left–right with probability ½.'),
    flipVertical: z.boolean().default(false).describe('Mirror top–bottom with probability ½.'),
    rotation: z.number().min(0).max(180).default(0).describe('Largest rotation, in degrees either way.'),
    shift: z.number().min(0).max(0.5).default(0).describe('Largest shift, as a fraction of the width and height.'),
    zoom: z.number().min(0).max(0.5).default(0).describe('Largest zoom in or out, as a fraction (0.1 = 90 %–110 %).'),
    brightness: z.number().min(0).max(1).default(0).describe('Largest brightness change, added to values in 0–1.'),
    noise: z.number().min(0).max(1).default(0).describe('Standard deviation of Gaussian noise added to every value.'),
  })
  .strict();
export type AugmentationConfig = z.infer<typeof AugmentationConfigSchema>;
export type AugmentationConfigInput = z.input<typeof AugmentationConfigSchema>;

export const NO_AUGMENTATION: AugmentationConfig = AugmentationConfigSchema.parse({});

/** True when the config changes nothing (training can skip the copy). */
export function isAugmentationOff(config: AugmentationConfig): boolean {
  return (
    !config.flipHorizontal &&
    !config.flipVertical &&
    config.rotation === 0 &&
    config.shift === 0 &&
    config.zoom === 0 &&
    config.brightness === 0 &&
    config.noise === 0
  );
}

/**
 * How a task's labels follow one image's move (boxes, masks, points); one sample's label in, the
 * moved label out. Tasks whose labels do not depend on places in the image (a class, a number) have none.
 */
export type LabelMover = (label: Float32Array, move: ImageMove) => Float32Array;

/**
 * Returns an augmented copy of a batch of images (features 0–1, `featureShape` [height, width,
 * channels] or [height, width]); the same seed gives the same changes. Geometric changes (flips,
 * rotation, shift, zoom) resample bilinearly about the centre and fill with 0; brightness and noise
 * follow, and values are clipped to 0–1. Features of another rank get only brightness and noise.
 * Labels pass through unchanged, unless `moveLabels` is given: then each sample's label is moved with
 * its image (brightness and noise leave labels alone).
 *
 * @example
 * const seen = augmentBatch(batch, [28, 28, 1], { ...NO_AUGMENTATION, rotation: 15, shift: 0.1 }, epoch * 1000 + step);
 */
export function augmentBatch(
  batch: Batch,
  featureShape: number[],
  config: AugmentationConfig,
  seed: number,
  moveLabels: LabelMover | null = null,
): Batch {
  if (isAugmentationOff(config)) return batch;
  const random = seededRandom(seed);
  const width = featureShape.reduce((a, b) => a * b, 1);
  const image = featureShape.length === 3 || featureShape.length === 2;
  const out = new Float32Array(batch.features.length);
  const labelSize = batch.size > 0 ? batch.labels.length / batch.size : 0;
  const labels = image && moveLabels ? new Float32Array(batch.labels) : batch.labels;
  for (let s = 0; s < batch.size; s++) {
    const src = batch.features.subarray(s * width, (s + 1) * width);
    const dst = out.subarray(s * width, (s + 1) * width);
    if (image) {
      const move = drawMove(config, featureShape[0] as number, featureShape[1] as number, random);
      resample(src, dst, move, featureShape[2] ?? 1);
      if (moveLabels && !isStill(move)) {
        labels.set(moveLabels(batch.labels.subarray(s * labelSize, (s + 1) * labelSize), move), s * labelSize);
      }
    } else dst.set(src);
    const shiftBy = config.brightness > 0 ? (random() * 2 - 1) * config.brightness : 0;
    if (shiftBy !== 0 || config.noise > 0) {
      for (let i = 0; i < dst.length; i++) {
        let v = (dst[i] as number) + shiftBy + (config.noise > 0 ? gaussian(random) * config.noise : 0);
        if (image) v = Math.min(Math.max(v, 0), 1);
        dst[i] = v;
      }
    }
  }
  return { features: out, labels, size: batch.size };
}
