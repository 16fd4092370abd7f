import type { ImageMove } from '../data/image-move';
import { movePoint } from '../data/image-move';
import { type Box, boxesToLabel, labelToBoxes } from './detection-boxes';

/** A moved box keeps at least this share of its area inside the picture, or it is dropped. */
const MIN_KEPT_AREA = 0.3;

/**
 * Where one box lands when its image moves: the four corners go through the move (`movePoint`
 * works on pixel centres, so an edge at pixel coordinate u is the point u − ½) and the box becomes
 * the smallest upright rectangle around them, clipped to the picture. A box pushed mostly out of
 * the picture is dropped (`null`), as the object is no longer there to find.
 */
export function moveBox(box: Box, move: ImageMove): Box | null {
  const { width: w, height: h } = move;
  const corners = [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x, box.y + box.height],
    [box.x + box.width, box.y + box.height],
  ].map(([x, y]) => movePoint(move, (x as number) * w - 0.5, (y as number) * h - 0.5));
  const xs = corners.map(([x]) => x + 0.5);
  const ys = corners.map(([, y]) => y + 0.5);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const cx0 = Math.max(0, x0);
  const cx1 = Math.min(w, x1);
  const cy0 = Math.max(0, y0);
  const cy1 = Math.min(h, y1);
  if (cx1 <= cx0 || cy1 <= cy0) return null;
  if ((cx1 - cx0) * (cy1 - cy0) < MIN_KEPT_AREA * (x1 - x0) * (y1 - y0)) return null;
  return { classIndex: box.classIndex, x: cx0 / w, y: cy0 / h, width: (cx1 - cx0) / w, height: (cy1 - cy0) / h };
}

/** One stored detection label through an image's move: every box moved, those pushed out dropped. */
export function moveDetectionLabel(label: Float32Array, move: ImageMove): Float32Array {
  return boxesToLabel(labelToBoxes(label).flatMap((box) => moveBox(box, move) ?? []));
}
