import { describe, expect, it } from 'vitest';
import type { Rect } from '@/components/datasets/box-labeling-state';
import { linkProposals, overlap } from '@/components/datasets/video/link-proposals';
import { trackBoxAt } from '@/components/datasets/video/track-interpolation';
import {
  boxesByFrame,
  frameBoxes,
  frameMarks,
  startTracks,
  type TrackAction,
  type TrackLabelingState,
  trackActionForKey,
  trackStep,
} from '@/components/datasets/video/track-state';

const run = (state: TrackLabelingState, ...actions: TrackAction[]) => actions.reduce(trackStep, state);
// Binary fractions, so that interpolated values are exact.
const A = { x: 0.125, y: 0.25, width: 0.25, height: 0.125 };
const B = { x: 0.5, y: 0.5, width: 0.5, height: 0.25 };

/** Five frames half a second apart, one class; a car drawn on frame 0 and placed again on frame 4. */
function carFrom0To4(): TrackLabelingState {
  return run(
    startTracks([0, 0.5, 1, 1.5, 2], ['car']),
    { type: 'draw', id: 'car', rect: A },
    { type: 'goTo', position: 4 },
    { type: 'draw', id: 'drawn-on-4', rect: B },
  );
}

describe('video tracks', () => {
  it('interpolates position and size linearly between two keyframes', () => {
    const s = carFrom0To4();
    expect(s.tracks).toHaveLength(1);
    expect(Object.keys(s.tracks[0]?.keys ?? {})).toEqual(['0', '4']);
    expect(frameBoxes(s, 2)).toEqual([
      { id: 'car', classIndex: 0, kind: 'interpolated', x: 0.3125, y: 0.375, width: 0.375, height: 0.1875 },
    ]);
    expect(frameBoxes(s, 1)[0]).toMatchObject({ x: 0.21875, y: 0.3125, width: 0.3125, height: 0.15625 });
    expect(frameBoxes(s, 4)[0]).toMatchObject({ ...B, kind: 'key' });
    expect(frameMarks(s)).toEqual([
      { key: true, boxes: 1 },
      { key: false, boxes: 1 },
      { key: false, boxes: 1 },
      { key: false, boxes: 1 },
      { key: true, boxes: 1 },
    ]);
  });

  it('weights the interpolation by the frames’ times, not their count', () => {
    const track = { id: 't', classIndex: 0, keys: { 0: A, 2: B } };
    // Frame 1 is at 1.5 s of 0–2 s: three quarters of the way.
    expect(trackBoxAt(track, 1, [0, 1.5, 2])).toEqual({
      kind: 'interpolated',
      rect: { x: 0.40625, y: 0.4375, width: 0.4375, height: 0.21875 },
    });
    expect(trackBoxAt(track, 3, [0, 1.5, 2, 3])).toBeNull();
  });

  it('has no box before the first or after the last keyframe: a track ends there', () => {
    let s = run(startTracks([0, 1, 2, 3, 4], ['car']), { type: 'goTo', position: 1 }, { type: 'draw', id: 'car', rect: A });
    s = run(s, { type: 'goTo', position: 3 }, { type: 'move', id: 'car', rect: B });
    // Moving on frame 3 did nothing: the track has no box there to move.
    expect(s.tracks[0]?.keys).toEqual({ 1: A });
    s = run(s, { type: 'draw', id: 'x', rect: B });
    expect(frameMarks(s).map((m) => m.boxes)).toEqual([0, 1, 1, 1, 0]);
    // Extending it: the selected track placed again further on.
    s = run(s, { type: 'goTo', position: 4 }, { type: 'placeHere' });
    expect(s.tracks[0]?.keys[4]).toEqual(B);
    expect(frameMarks(s).map((m) => m.boxes)).toEqual([0, 1, 1, 1, 1]);
  });

  it('makes an edited interpolated frame a keyframe of its track', () => {
    let s = run(carFrom0To4(), { type: 'goTo', position: 2 });
    const moved = { x: 0.5, y: 0.5, width: 0.25, height: 0.25 };
    s = run(s, { type: 'move', id: 'car', rect: moved });
    expect(Object.keys(s.tracks[0]?.keys ?? {})).toEqual(['0', '2', '4']);
    // A box grabbed and let go where it was is not an edit.
    const still = frameBoxes(carFrom0To4(), 1)[0] as Rect;
    expect(run(carFrom0To4(), { type: 'goTo', position: 1 }, { type: 'move', id: 'car', rect: still }).tracks[0]?.keys).toEqual({
      0: A,
      4: B,
    });
    expect(frameBoxes(s, 2)[0]).toMatchObject({ ...moved, kind: 'key' });
    // Frame 1 now lies between keyframes 0 and 2.
    expect(frameBoxes(s, 1)[0]).toMatchObject({ x: 0.3125, y: 0.375, width: 0.25, height: 0.1875, kind: 'interpolated' });
  });

  it('deletes a keyframe, then the track with its last one', () => {
    let s = run(carFrom0To4(), { type: 'remove', id: 'car' });
    expect(s.tracks[0]?.keys).toEqual({ 0: A });
    expect(frameMarks(s).map((m) => m.boxes)).toEqual([1, 0, 0, 0, 0]);
    s = run(s, { type: 'goTo', position: 0 }, { type: 'remove', id: 'car' });
    expect(s.tracks).toEqual([]);
    expect(s.selected).toBeNull();
  });

  it('ends a track on an interpolated frame, or before it when its box is removed', () => {
    const ended = run(carFrom0To4(), { type: 'goTo', position: 2 }, { type: 'endHere' });
    expect(ended.tracks[0]?.keys).toEqual({ 0: A, 2: { x: 0.3125, y: 0.375, width: 0.375, height: 0.1875 } });
    const removed = run(carFrom0To4(), { type: 'goTo', position: 2 }, { type: 'remove', id: 'car' });
    expect(removed.tracks[0]?.keys).toEqual({ 0: A, 1: { x: 0.21875, y: 0.3125, width: 0.3125, height: 0.15625 } });
    expect(removed.notice).toMatch(/ends on the frame before/);
    expect(boxesByFrame(removed).map((b) => b.length)).toEqual([1, 1, 0, 0, 0]);
  });

  it('starts a new track when the selected one is already on the frame, with the class picked', () => {
    let s = run(startTracks([0, 1], ['car', 'bike']), { type: 'draw', id: 'car', rect: A });
    s = run(s, { type: 'pickClass', cls: 1 });
    // The selected track takes the class picked.
    expect(s.tracks[0]?.classIndex).toBe(1);
    s = run(s, { type: 'select', id: null }, { type: 'pickClass', cls: 0 }, { type: 'draw', id: 'second', rect: B });
    expect(s.tracks.map((t) => [t.id, t.classIndex])).toEqual([
      ['car', 1],
      ['second', 0],
    ]);
    s = run(s, { type: 'deleteTrack', id: 'car' });
    expect(s.tracks.map((t) => t.id)).toEqual(['second']);
  });

  it('keeps the very same state when a selection changes nothing, so the page is not redrawn', () => {
    const s = carFrom0To4();
    expect(trackStep(s, { type: 'select', id: 'car' })).toBe(s);
    expect(trackStep(s, { type: 'select', id: null }).selected).toBeNull();
    expect(trackStep(s, { type: 'select', id: 'no-such-track' }).selected).toBeNull();
  });

  it('refuses to draw without a class, and a click is not a box', () => {
    expect(run(startTracks([0], []), { type: 'draw', id: 'a', rect: A }).notice).toMatch(/Add a class/);
    expect(run(startTracks([0], ['car']), { type: 'draw', id: 'a', rect: { x: 0.5, y: 0.5, width: 0.001, height: 0.001 } }).tracks).toEqual(
      [],
    );
  });

  it('links proposed boxes from frame to frame into tracks, only on frames without boxes', () => {
    const near = { ...A, x: 0.15 };
    const s = run(
      carFrom0To4(),
      { type: 'load', times: [0, 1, 2, 3], classes: ['car'] },
      {
        type: 'propose',
        boxes: { 0: [{ classIndex: 0, ...A }], 1: [{ classIndex: 0, ...near }], 2: [], 3: [{ classIndex: 5, ...B }] },
      },
    );
    expect(s.tracks).toEqual([{ id: 'proposed-0', classIndex: 0, keys: { 0: A, 1: near } }]);
    const busy = run(carFrom0To4(), { type: 'propose', boxes: { 2: [{ classIndex: 0, ...B }] } });
    expect(busy.tracks).toHaveLength(1);
    expect(busy.notice).toMatch(/no boxes/);
  });
});

describe('linking proposals', () => {
  it('measures overlap as intersection over union', () => {
    expect(overlap({ x: 0, y: 0, width: 0.5, height: 0.5 }, { x: 0.25, y: 0, width: 0.5, height: 0.5 })).toBeCloseTo(1 / 3, 12);
    expect(overlap(A, { ...A, x: 0.75 })).toBe(0);
  });

  it('keeps apart objects of other classes, far apart, or on frames that do not follow each other', () => {
    const links = linkProposals({
      0: [
        { classIndex: 0, ...A },
        { classIndex: 1, ...A },
      ],
      1: [{ classIndex: 0, ...B }],
      3: [{ classIndex: 0, ...B }],
    });
    expect(links.map((t) => Object.keys(t.keys))).toEqual([['0'], ['0'], ['1'], ['3']]);
  });
});

describe('keys on video frames', () => {
  const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false });
  it('are the box labeller’s: class keys, Delete, arrows and Escape', () => {
    expect(trackActionForKey(key('2'), ['1', '2'])).toEqual({ type: 'pickClass', cls: 1 });
    expect(trackActionForKey(key('Delete'), [])).toEqual({ type: 'remove' });
    expect(trackActionForKey(key('ArrowRight'), [])).toEqual({ type: 'next' });
    expect(trackActionForKey(key('Escape'), [])).toEqual({ type: 'select', id: null });
    expect(trackActionForKey({ ...key('2'), ctrlKey: true }, ['1', '2'])).toBeNull();
  });
});
