import { z } from 'zod';
import type { Batch } from './batch-source';
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
 * Returns an augmented copy of a batch of images (features 0–1, `featureShape` [height, width,
 * channels] or [height, width]); the same seed gives the same changes. Geometric changes (flips,
 * rotation, shift, zoom) resample bilinearly about the centre and fill with 0; brightness and noise
 * follow, and values are clipped to 0–1. Features of another rank get only brightness and noise.
 * Labels are passed through unchanged.
 *
 * @example
 * const seen = augmentBatch(batch, [28, 28, 1], { ...NO_AUGMENTATION, rotation: 15, shift: 0.1 }, epoch * 1000 + step);
 */
export function augmentBatch(batch: Batch, featureShape: number[], config: AugmentationConfig, seed: number): Batch {
  if (isAugmentationOff(config)) return batch;
  const random = seededRandom(seed);
  const width = featureShape.reduce((a, b) => a * b, 1);
  const image = featureShape.length === 3 || featureShape.length === 2;
  const out = new Float32Array(batch.features.length);
  for (let s = 0; s < batch.size; s++) {
    const src = batch.features.subarray(s * width, (s + 1) * width);
    const dst = out.subarray(s * width, (s + 1) * width);
    if (image) transformImage(src, dst, featureShape[0] as number, featureShape[1] as number, featureShape[2] ?? 1, config, random);
    else dst.set(src);
    const shiftBy = config.brightness > 0 ? (random() * 2 - 1) * config.brightness : 0;
    if (shiftBy !== 0 || config.noise > 0) {
      for (let i = 0; i < dst.length; i++) {
        let v = (dst[i] as number) + shiftBy + (config.noise > 0 ? gaussian(random) * config.noise : 0);
        if (image) v = Math.min(Math.max(v, 0), 1);
        dst[i] = v;
      }
    }
  }
  return { features: out, labels: batch.labels, size: batch.size };
}

/** Inverse-maps each output pixel through flips, rotation, zoom and shift, sampling bilinearly. */
function transformImage(
  src: Float32Array,
  dst: Float32Array,
  height: number,
  width: number,
  channels: number,
  config: AugmentationConfig,
  random: () => number,
): void {
  const flipX = config.flipHorizontal && random() < 0.5;
  const flipY = config.flipVertical && random() < 0.5;
  const angle = config.rotation > 0 ? (((random() * 2 - 1) * config.rotation) / 180) * Math.PI : 0;
  const scale = config.zoom > 0 ? 1 + (random() * 2 - 1) * config.zoom : 1;
  const dx = config.shift > 0 ? (random() * 2 - 1) * config.shift * width : 0;
  const dy = config.shift > 0 ? (random() * 2 - 1) * config.shift * height : 0;
  if (!flipX && !flipY && angle === 0 && scale === 1 && dx === 0 && dy === 0) {
    dst.set(src);
    return;
  }
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Output (x, y) → undo the shift, the zoom and the rotation, then the flips.
      const ux = (x - cx - dx) / scale;
      const uy = (y - cy - dy) / scale;
      let sx = cos * ux + sin * uy + cx;
      let sy = -sin * ux + cos * uy + cy;
      if (flipX) sx = width - 1 - sx;
      if (flipY) sy = height - 1 - sy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < channels; c++) {
        const at = (yy: number, xx: number) =>
          yy < 0 || yy >= height || xx < 0 || xx >= width ? 0 : (src[(yy * width + xx) * channels + c] as number);
        const top = at(y0, x0) * (1 - fx) + at(y0, x0 + 1) * fx;
        const bottom = at(y0 + 1, x0) * (1 - fx) + at(y0 + 1, x0 + 1) * fx;
        dst[(y * width + x) * channels + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
}
