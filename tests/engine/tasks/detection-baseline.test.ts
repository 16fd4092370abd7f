import { describe, expect, it } from 'vitest';
import type { InMemoryDataset } from '../../../engine/data/dataset';
import { SPLIT } from '../../../engine/data/dataset';
import { meanBoxBaseline } from '../../../engine/tasks/detection-baseline';
import { type Box, boxesToLabel, DETECTION_LABEL_SIZE } from '../../../engine/tasks/detection-boxes';

const box = (classIndex: number, x: number, y: number, width: number, height: number): Box => ({ classIndex, x, y, width, height });

/** A set of images given only by their boxes and splits (the guess never looks at pixels). */
function boxesOnly(images: [number, Box[]][], classes: string[]): InMemoryDataset {
  const labels = new Float32Array(images.length * DETECTION_LABEL_SIZE);
  images.forEach(([, boxes], i) => {
    labels.set(boxesToLabel(boxes), i * DETECTION_LABEL_SIZE);
  });
  return {
    name: 'boxes',
    source: 'test',
    task: 'detection',
    featureShape: [4, 4, 1],
    features: new Float32Array(images.length * 16),
    labels,
    labelSize: DETECTION_LABEL_SIZE,
    classes,
    split: Uint8Array.from(images.map(([split]) => split)),
  };
}

describe('the mean-box guess a detector must beat', () => {
  it('scores 1 when every test box is the training boxes’ average, and 0 when none overlaps it', () => {
    // Training boxes of class 0 average to the box at (0.3, 0.3) of size 0.4.
    const train: [number, Box[]][] = [
      [SPLIT.train, [box(0, 0.2, 0.2, 0.4, 0.4)]],
      [SPLIT.train, [box(0, 0.4, 0.4, 0.4, 0.4)]],
    ];
    const hit = boxesOnly([...train, [SPLIT.test, [box(0, 0.3, 0.3, 0.4, 0.4)]], [SPLIT.test, [box(0, 0.3, 0.3, 0.4, 0.4)]]], ['raccoon']);
    expect(meanBoxBaseline(hit)).toEqual({ mapAt50: 1, mapAt50To95: 1 });
    const miss = boxesOnly([...train, [SPLIT.test, [box(0, 0.8, 0.8, 0.1, 0.1)]]], ['raccoon']);
    expect(meanBoxBaseline(miss)).toEqual({ mapAt50: 0, mapAt50To95: 0 });
  });

  it('averages over the classes the test split holds; a class never trained on scores 0', () => {
    const set = boxesOnly(
      [
        [SPLIT.train, [box(0, 0.1, 0.1, 0.2, 0.2)]],
        [SPLIT.test, [box(0, 0.1, 0.1, 0.2, 0.2), box(1, 0.6, 0.6, 0.2, 0.2)]],
      ],
      ['circle', 'square', 'triangle'],
    );
    expect(meanBoxBaseline(set)).toEqual({ mapAt50: 0.5, mapAt50To95: 0.5 });
  });
});
