import { BOX_SLOT, labelToBoxes } from './detection-boxes';

/**
 * The centroid grid a detector's head predicts: one cell per {@link GRID_STRIDE}×{@link GRID_STRIDE}
 * pixels of the image (rounded up, as `same` padding does), and per cell a score for every class
 * (how likely an object's centre lies in it) then four box numbers — where in the cell the centre
 * is (x then y, 0–1) and the box's width and height as fractions of the image. All channels are
 * 0–1, so one sigmoid output layer of `classes + 4` filters predicts them all.
 */
export const GRID_STRIDE = 4;

/** Box numbers per cell after the class scores. */
export const BOX_CHANNELS = 4;

/** The grid of an image of this height and width: rows and columns. */
export function gridSize(height: number, width: number): { rows: number; cols: number } {
  return { rows: Math.ceil(height / GRID_STRIDE), cols: Math.ceil(width / GRID_STRIDE) };
}

/**
 * One image's target on the grid (rows × cols × (classes + 4), row by row). Each box puts a peak of
 * 1 on the cell of its centre in its class's channel, spread as a Gaussian over nearby cells (the
 * focal loss forgives near misses there), and its offset and size on that cell. When two centres of
 * one class share a cell, the larger box keeps it.
 */
export function encodeGridTarget(label: ArrayLike<number>, rows: number, cols: number, classes: number): Float32Array {
  const channels = classes + BOX_CHANNELS;
  const target = new Float32Array(rows * cols * channels);
  const boxes = labelToBoxes(label)
    .filter((b) => b.classIndex < classes && b.width > 0 && b.height > 0)
    .sort((a, b) => a.width * a.height - b.width * b.height);
  for (const box of boxes) {
    const cx = (box.x + box.width / 2) * cols;
    const cy = (box.y + box.height / 2) * rows;
    const gx = Math.min(cols - 1, Math.max(0, Math.floor(cx)));
    const gy = Math.min(rows - 1, Math.max(0, Math.floor(cy)));
    // The spread follows the box's size in cells, as in centre-point detectors; never below half a cell.
    const sigma = Math.max(0.5, Math.min(box.width * cols, box.height * rows) / 6);
    const reach = Math.ceil(3 * sigma);
    for (let y = Math.max(0, gy - reach); y <= Math.min(rows - 1, gy + reach); y++) {
      for (let x = Math.max(0, gx - reach); x <= Math.min(cols - 1, gx + reach); x++) {
        const at = (y * cols + x) * channels + box.classIndex;
        const heat = Math.exp(-((x - gx) ** 2 + (y - gy) ** 2) / (2 * sigma * sigma));
        target[at] = Math.max(target[at] as number, heat);
      }
    }
    const cell = (gy * cols + gx) * channels;
    target[cell + box.classIndex] = 1;
    target.set([cx - gx, cy - gy, box.width, box.height], cell + classes);
  }
  return target;
}

/** A batch's stored labels as grid targets, one after the other. */
export function encodeGridTargets(labels: Float32Array, size: number, rows: number, cols: number, classes: number): Float32Array {
  const perImage = rows * cols * (classes + BOX_CHANNELS);
  const labelSize = size > 0 ? labels.length / size : BOX_SLOT;
  const out = new Float32Array(size * perImage);
  for (let s = 0; s < size; s++) {
    out.set(encodeGridTarget(labels.subarray(s * labelSize, (s + 1) * labelSize), rows, cols, classes), s * perImage);
  }
  return out;
}
