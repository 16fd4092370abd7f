import type { Box } from '@/engine/tasks/detection-boxes';
import type { Rect } from '../box-labeling-state';
import type { Track } from './track-interpolation';

/** Boxes on neighbouring frames overlapping at least this much (intersection over union) are one object. */
export const LINK_IOU = 0.3;

/**
 * A detector's boxes, found frame by frame, linked into tracks: a box continues the track of the
 * same class whose box on the frame just before overlaps it most (at least `LINK_IOU`), each track
 * taking one box per frame; any other box starts a track. Only neighbouring frames link, so a
 * track never spans a frame the detector did not look at. Every box is a keyframe of its track.
 *
 * @example
 * linkProposals({ 0: [car], 1: [carMovedALittle] }); // one track with keyframes 0 and 1
 */
export function linkProposals(byFrame: Record<number, readonly Box[]>): Omit<Track, 'id'>[] {
  const tracks: Omit<Track, 'id'>[] = [];
  const positions = Object.keys(byFrame)
    .map(Number)
    .sort((a, b) => a - b);
  for (const position of positions) {
    const previous = tracks.filter((t) => position - 1 in t.keys);
    const pairs: { track: Omit<Track, 'id'>; box: number; iou: number }[] = [];
    const boxes = byFrame[position] ?? [];
    boxes.forEach((box, b) => {
      for (const track of previous) {
        const iou = overlap(track.keys[position - 1] as Rect, box);
        if (track.classIndex === box.classIndex && iou >= LINK_IOU) pairs.push({ track, box: b, iou });
      }
    });
    // Greedy, best overlap first: each track and each box is used once.
    pairs.sort((p, q) => q.iou - p.iou);
    const usedTracks = new Set<Omit<Track, 'id'>>();
    const usedBoxes = new Set<number>();
    for (const { track, box } of pairs) {
      if (usedTracks.has(track) || usedBoxes.has(box)) continue;
      usedTracks.add(track);
      usedBoxes.add(box);
      track.keys[position] = rectOf(boxes[box] as Box);
    }
    boxes.forEach((box, b) => {
      if (!usedBoxes.has(b)) tracks.push({ classIndex: box.classIndex, keys: { [position]: rectOf(box) } });
    });
  }
  return tracks;
}

/** Intersection over union of two boxes (0 when apart). */
export function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

function rectOf({ x, y, width, height }: Rect): Rect {
  return { x, y, width, height };
}
