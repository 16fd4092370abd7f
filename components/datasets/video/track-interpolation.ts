import type { Rect } from '../box-labeling-state';

/**
 * An object followed through the sampled frames of a video: its class and the frames where the
 * user placed its box (keyframes). Between two keyframes the box is interpolated; before the first
 * and after the last there is none, so a track ends at its last keyframe until it is placed again.
 */
export interface Track {
  id: string;
  classIndex: number;
  /** The box on each keyframe, by frame position (fractions of the frame). */
  keys: Record<number, Rect>;
}

/** A track's box on one frame, and whether the user placed it there or it was interpolated. */
export interface TrackBox {
  rect: Rect;
  kind: 'key' | 'interpolated';
}

/** The keyframe positions of a track, in order. */
export function keyPositions(track: Track): number[] {
  return Object.keys(track.keys)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The track's box on the frame at `position`: the keyframe's own box, or the linear interpolation
 * (position and size) between the keyframes around it, weighted by the frames' times in the video
 * so that unevenly sampled frames (scene changes) still move the box at the object's pace. Null
 * outside the track's span.
 *
 * @example
 * trackBoxAt(track, 2, [0, 0.5, 1, 1.5, 2]); // halfway between keyframes at frames 0 and 4
 */
export function trackBoxAt(track: Track, position: number, times: readonly number[]): TrackBox | null {
  const own = track.keys[position];
  if (own) return { rect: own, kind: 'key' };
  const keys = keyPositions(track);
  let before: number | undefined;
  let after: number | undefined;
  for (const k of keys) {
    if (k < position) before = k;
    else if (k > position && after === undefined) after = k;
  }
  if (before === undefined || after === undefined) return null;
  const f = fractionBetween(before, after, position, times);
  const a = track.keys[before] as Rect;
  const b = track.keys[after] as Rect;
  const lerp = (u: number, v: number) => u + (v - u) * f;
  return {
    rect: { x: lerp(a.x, b.x), y: lerp(a.y, b.y), width: lerp(a.width, b.width), height: lerp(a.height, b.height) },
    kind: 'interpolated',
  };
}

/** How far `position` is from `before` to `after`, by time, or by frame count when the times do not tell. */
function fractionBetween(before: number, after: number, position: number, times: readonly number[]): number {
  const t0 = times[before];
  const t1 = times[after];
  const t = times[position];
  if (t0 !== undefined && t1 !== undefined && t !== undefined && t1 > t0) return (t - t0) / (t1 - t0);
  return (position - before) / (after - before);
}
