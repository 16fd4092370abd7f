import { boxOverlap, type Corners, NUMBERS } from './box-geometry';

/**
 * Boxes as detection stores them. A box is `[x, y, width, height]` with its top-left corner and size
 * as fractions of the image (0–1), and the index of its class among the dataset's classes (no
 * background class). A sample's stored label is a fixed row of {@link MAX_BOXES} slots of five
 * numbers — class, x, y, width, height — with class −1 in the unused slots, so labels of every image
 * have one size, as every other task's do.
 */
export interface Box {
  classIndex: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A box the model found, with its score (0–1). */
export interface ScoredBox extends Box {
  score: number;
}

/** Boxes one image's label holds at most; more is refused on import with the file named. */
export const MAX_BOXES = 16;

/** Numbers per slot: class, x, y, width, height. */
export const BOX_SLOT = 5;

/** Values per stored detection label. */
export const DETECTION_LABEL_SIZE = MAX_BOXES * BOX_SLOT;

/**
 * One image's boxes as a stored label (unused slots have class −1).
 *
 * @example
 * const label = boxesToLabel([{ classIndex: 0, x: 0.1, y: 0.2, width: 0.3, height: 0.4 }]);
 */
export function boxesToLabel(boxes: readonly Box[]): Float32Array {
  if (boxes.length > MAX_BOXES) throw new Error(`An image holds at most ${MAX_BOXES} boxes; this one has ${boxes.length}.`);
  const label = new Float32Array(DETECTION_LABEL_SIZE);
  for (let k = 0; k < MAX_BOXES; k++) {
    const box = boxes[k];
    label.set(box ? [box.classIndex, box.x, box.y, box.width, box.height] : [-1, 0, 0, 0, 0], k * BOX_SLOT);
  }
  return label;
}

/** The boxes of one stored label, skipping unused slots. */
export function labelToBoxes(label: ArrayLike<number>): Box[] {
  const boxes: Box[] = [];
  for (let k = 0; k + BOX_SLOT <= label.length; k += BOX_SLOT) {
    const classIndex = label[k] as number;
    if (!(classIndex >= 0)) continue;
    boxes.push({
      classIndex,
      x: label[k + 1] as number,
      y: label[k + 2] as number,
      width: label[k + 3] as number,
      height: label[k + 4] as number,
    });
  }
  return boxes;
}

/** A box's corners: left, top, right, bottom. */
export function boxCorners(box: Omit<Box, 'classIndex'>): Corners<number> {
  return { x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height };
}

/**
 * Intersection over union of two boxes (any units, as long as both use the same): 1 for the same
 * box, 0 for boxes that do not touch.
 */
export function boxIou(a: Omit<Box, 'classIndex'>, b: Omit<Box, 'classIndex'>): number {
  return boxOverlap(NUMBERS, boxCorners(a), boxCorners(b)).iou;
}
