import { describe, expect, it } from 'vitest';
import { augmentBatch, type LabelMover, NO_AUGMENTATION } from '@/engine/data/augment';
import type { Batch } from '@/engine/data/batch-source';
import { drawMove, type ImageMove, movePoint, resample } from '@/engine/data/image-move';
import { seededRandom } from '@/engine/data/random';

const SIZE = 32;

/** A soft round spot centred at (x, y) on a SIZE × SIZE single-channel image. */
function spot(x: number, y: number, radius = 1.6): Float32Array {
  const image = new Float32Array(SIZE * SIZE);
  for (let r = 0; r < SIZE; r++)
    for (let c = 0; c < SIZE; c++) image[r * SIZE + c] = Math.exp(-((c - x) ** 2 + (r - y) ** 2) / (2 * radius ** 2));
  return image;
}

function centroid(image: Float32Array): [number, number] {
  let sum = 0;
  let sx = 0;
  let sy = 0;
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) {
      const v = image[r * SIZE + c] as number;
      sum += v;
      sx += v * c;
      sy += v * r;
    }
  }
  return [sx / sum, sy / sum];
}

/** A made-up task's label: the (x, y) of one point in the image, moved as the image moves. */
const movePointLabel: LabelMover = (label, move) => Float32Array.from(movePoint(move, label[0] as number, label[1] as number));

const GEOMETRY = { ...NO_AUGMENTATION, flipHorizontal: true, flipVertical: true, rotation: 40, shift: 0.1, zoom: 0.15 };

describe('labels that follow their image', () => {
  it('a point label lands where augmentation took the point (property, 60 seeds)', () => {
    const random = seededRandom(7);
    for (let seed = 0; seed < 60; seed++) {
      // A spot somewhere in the middle, so no move pushes it off the picture.
      const x = 11 + random() * 10;
      const y = 11 + random() * 10;
      const batch: Batch = { features: spot(x, y), labels: Float32Array.of(x, y), size: 1 };
      const out = augmentBatch(batch, [SIZE, SIZE, 1], GEOMETRY, seed, movePointLabel);
      const [cx, cy] = centroid(out.features);
      expect(Math.hypot((out.labels[0] as number) - cx, (out.labels[1] as number) - cy), `seed ${seed}`).toBeLessThan(0.25);
    }
  });

  it('the same images come out as without a mover, and the batch given is not changed', () => {
    const features = spot(14, 18);
    const batch: Batch = { features, labels: Float32Array.of(14, 18), size: 1 };
    const moved = augmentBatch(batch, [SIZE, SIZE, 1], GEOMETRY, 5, movePointLabel);
    expect(Array.from(moved.features)).toEqual(Array.from(augmentBatch(batch, [SIZE, SIZE, 1], GEOMETRY, 5).features));
    expect(Array.from(batch.labels)).toEqual([14, 18]);
    expect(augmentBatch(batch, [SIZE, SIZE, 1], GEOMETRY, 5).labels).toBe(batch.labels);
  });

  it('a mask resampled with the nearest pixel keeps its classes and stays on its picture', () => {
    const random = seededRandom(11);
    const picture = spot(15, 16, 3);
    const mask = picture.map((v) => (v > 0.5 ? 2 : 0));
    for (let seed = 0; seed < 20; seed++) {
      const move: ImageMove = drawMove(GEOMETRY, SIZE, SIZE, random);
      const movedPicture = new Float32Array(SIZE * SIZE);
      const movedMask = new Float32Array(SIZE * SIZE);
      resample(picture, movedPicture, move, 1);
      resample(mask, movedMask, move, 1, 'nearest');
      expect(new Set(movedMask)).toEqual(new Set([0, 2]));
      let agree = 0;
      let either = 0;
      for (let i = 0; i < movedMask.length; i++) {
        const inPicture = (movedPicture[i] as number) > 0.5;
        const inMask = movedMask[i] === 2;
        if (inPicture || inMask) either++;
        if (inPicture && inMask) agree++;
      }
      expect(agree / either, `seed ${seed}`).toBeGreaterThan(0.8);
    }
  });
});
