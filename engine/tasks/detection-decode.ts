import type { Tf } from '../layers/spec';
import { cellBox, NUMBERS } from './box-geometry';
import type { ScoredBox } from './detection-boxes';
import { BOX_CHANNELS } from './detection-grid';

/** How predicted grids become boxes. */
export interface DecodeOptions {
  /** Cells scoring below this are not boxes. */
  minScore: number;
  /** Boxes of one class overlapping a better one by more than this IoU are dropped. */
  iouThreshold: number;
  /** At most this many boxes per class and image. */
  maxPerClass: number;
}

export const DEFAULT_DECODE: DecodeOptions = { minScore: 0.05, iouThreshold: 0.5, maxPerClass: 20 };

/**
 * The boxes in one image's predicted grid (rows × cols × (classes + 4), row by row): every cell that
 * scores at least `minScore` for a class and no less than its eight neighbours is a candidate, its
 * box from the cell's offset and size; then, per class, non-maximum suppression
 * (`tf.image.nonMaxSuppression`) keeps the best of boxes that cover the same object. Coordinates
 * are fractions of the image, clipped to it; sorted best first.
 */
export function decodeGrid(tf: Tf, grid: Float32Array, rows: number, cols: number, options: DecodeOptions = DEFAULT_DECODE): ScoredBox[] {
  const channels = grid.length / (rows * cols);
  const classes = channels - BOX_CHANNELS;
  const found: ScoredBox[] = [];
  for (let c = 0; c < classes; c++) {
    const candidates: ScoredBox[] = [];
    const score = (y: number, x: number) =>
      y < 0 || y >= rows || x < 0 || x >= cols ? -1 : (grid[(y * cols + x) * channels + c] as number);
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        const s = score(y, x);
        if (s < options.minScore) continue;
        let peak = true;
        for (let dy = -1; dy <= 1 && peak; dy++) for (let dx = -1; dx <= 1; dx++) if ((dx || dy) && score(y + dy, x + dx) > s) peak = false;
        if (!peak) continue;
        const at = (y * cols + x) * channels + classes;
        const [offsetX = 0, offsetY = 0, width = 0, height = 0] = grid.subarray(at, at + BOX_CHANNELS);
        const { x0, y0, x1, y1 } = cellBox(NUMBERS, { col: x, row: y, cols, rows, offsetX, offsetY, width, height });
        if (x1 <= x0 || y1 <= y0) continue;
        candidates.push({ classIndex: c, x: x0, y: y0, width: x1 - x0, height: y1 - y0, score: s });
      }
    }
    found.push(...suppress(tf, candidates, options));
  }
  return found.sort((a, b) => b.score - a.score);
}

/** Non-maximum suppression of one class's candidates by TF.js. */
function suppress(tf: Tf, candidates: ScoredBox[], options: DecodeOptions): ScoredBox[] {
  if (candidates.length <= 1) return candidates;
  const corners = tf.tensor2d(
    candidates.flatMap((b) => [b.y, b.x, b.y + b.height, b.x + b.width]),
    [candidates.length, 4],
  );
  const scores = tf.tensor1d(candidates.map((b) => b.score));
  const kept = tf.image.nonMaxSuppression(corners, scores, options.maxPerClass, options.iouThreshold, options.minScore);
  const order = kept.dataSync();
  tf.dispose([corners, scores, kept]);
  return Array.from(order, (i) => candidates[i] as ScoredBox);
}
