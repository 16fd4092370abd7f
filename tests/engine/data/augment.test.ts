import { describe, expect, it } from 'vitest';
import { AugmentationConfigSchema, augmentBatch, isAugmentationOff, NO_AUGMENTATION } from '@/engine/data/augment';
import type { Batch } from '@/engine/data/batch-source';

/** A 4×4 single-channel image with one bright pixel at (row 1, column 0). */
function dotImage(): Batch {
  const features = new Float32Array(16);
  features[1 * 4 + 0] = 1;
  return { features, labels: Float32Array.of(3), size: 1 };
}

describe('augmentation', () => {
  it('is off by default and then returns the batch untouched', () => {
    expect(AugmentationConfigSchema.parse({})).toEqual(NO_AUGMENTATION);
    expect(isAugmentationOff(NO_AUGMENTATION)).toBe(true);
    const batch = dotImage();
    expect(augmentBatch(batch, [4, 4, 1], NO_AUGMENTATION, 1)).toBe(batch);
  });

  it('refuses out-of-range settings', () => {
    expect(AugmentationConfigSchema.safeParse({ rotation: 400 }).success).toBe(false);
    expect(AugmentationConfigSchema.safeParse({ shift: -0.1 }).success).toBe(false);
    expect(AugmentationConfigSchema.safeParse({ sparkle: true }).success).toBe(false);
  });

  it('flips mirror the image exactly (when the coin says so)', () => {
    const config = { ...NO_AUGMENTATION, flipHorizontal: true };
    const results = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const out = augmentBatch(dotImage(), [4, 4, 1], config, seed).features;
      results.add(Array.from(out).join(','));
    }
    const mirrored = new Float32Array(16);
    mirrored[1 * 4 + 3] = 1;
    expect(results).toEqual(new Set([Array.from(dotImage().features).join(','), Array.from(mirrored).join(',')]));
  });

  it('rotates by up to the angle given, keeping labels and the total brightness of a centred blob', () => {
    const features = new Float32Array(9 * 9);
    for (let y = 3; y <= 5; y++) for (let x = 2; x <= 6; x++) features[y * 9 + x] = 1;
    const batch: Batch = { features, labels: Float32Array.of(1), size: 1 };
    const out = augmentBatch(batch, [9, 9, 1], { ...NO_AUGMENTATION, rotation: 90 }, 11);
    expect(out.labels).toBe(batch.labels);
    expect(out.features).not.toEqual(features);
    const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);
    expect(Math.abs(sum(out.features) - sum(features)) / sum(features)).toBeLessThan(0.2);
  });

  it('shift, zoom, brightness and noise change the pixels, stay in 0–1, and the same seed repeats exactly', () => {
    const features = new Float32Array(2 * 8 * 8 * 3).map((_, i) => (i % 7) / 7);
    const batch: Batch = { features, labels: Float32Array.of(0, 1), size: 2 };
    const config = AugmentationConfigSchema.parse({ shift: 0.2, zoom: 0.2, brightness: 0.3, noise: 0.1 });
    const a = augmentBatch(batch, [8, 8, 3], config, 42);
    const b = augmentBatch(batch, [8, 8, 3], config, 42);
    const c = augmentBatch(batch, [8, 8, 3], config, 43);
    expect(a.features).toEqual(b.features);
    expect(a.features).not.toEqual(c.features);
    expect(a.features).not.toEqual(features);
    expect(a.features.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('gives non-image features only brightness and noise', () => {
    const batch: Batch = { features: Float32Array.of(1, 2, 3, 4), labels: Float32Array.of(0), size: 1 };
    const out = augmentBatch(batch, [4], { ...NO_AUGMENTATION, rotation: 45, flipHorizontal: true }, 3);
    expect(out.features).toEqual(batch.features);
  });
});
