import { type Box, MAX_BOXES } from '@/engine/tasks/detection-boxes';
import { boxActionForKey, clampRect, type DrawnBox, type Rect } from '../box-labeling-state';
import { linkProposals } from './link-proposals';
import { keyPositions, type Track, trackBoxAt } from './track-interpolation';

/**
 * The video labeller's state as data: the sampled frames' times, where the user is, the tracks
 * (objects followed from keyframe to keyframe), the classes and the selected track. `trackStep` is
 * pure, so placing, interpolating, ending and deleting are tested without a DOM; the drawing
 * surface shows `frameBoxes` and reports what the mouse did, naming boxes by their track's id.
 */
export interface TrackLabelingState {
  /** Each sampled frame's time in the video, in seconds, in order. */
  times: number[];
  position: number;
  tracks: Track[];
  classes: string[];
  /** The class a new track gets. */
  activeClass: number;
  /** The selected track: kept from frame to frame, so that it can be placed again further on. */
  selected: string | null;
  /** Why the last action did nothing, or what it did that is not visible, shown to the user. */
  notice: string | null;
  /** Counter for the ids of tracks the state makes itself (proposed ones). */
  nextId: number;
}

/** A box on the frame shown, named by its track, and whether it is a keyframe's or interpolated. */
export interface FrameBox extends DrawnBox {
  kind: 'key' | 'interpolated';
}

export type TrackAction =
  | { type: 'load'; times: number[]; classes: string[] }
  | { type: 'draw'; id: string; rect: Rect }
  | { type: 'move'; id: string; rect: Rect }
  | { type: 'remove'; id?: string }
  | { type: 'placeHere'; id?: string }
  | { type: 'endHere'; id?: string }
  | { type: 'deleteTrack'; id?: string }
  | { type: 'select'; id: string | null }
  | { type: 'pickClass'; cls: number }
  | { type: 'addClass'; name: string }
  | { type: 'propose'; boxes: Record<number, Box[]> }
  | { type: 'goTo'; position: number }
  | { type: 'next' }
  | { type: 'previous' };

export function startTracks(times: number[], classes: string[]): TrackLabelingState {
  return { times, position: 0, tracks: [], classes: [...classes], activeClass: 0, selected: null, notice: null, nextId: 0 };
}

/** The boxes on the frame at `position` (the current one by default), one per track present. */
export function frameBoxes(state: TrackLabelingState, position = state.position): FrameBox[] {
  const boxes: FrameBox[] = [];
  for (const track of state.tracks) {
    const box = trackBoxAt(track, position, state.times);
    if (box) boxes.push({ ...box.rect, classIndex: track.classIndex, id: track.id, kind: box.kind });
  }
  return boxes;
}

/** Every frame's boxes (keyframes' and interpolated alike), by position: what the dataset gets. */
export function boxesByFrame(state: TrackLabelingState): Box[][] {
  return state.times.map((_, p) =>
    frameBoxes(state, p).map(({ classIndex, x, y, width, height }) => ({ classIndex, x, y, width, height })),
  );
}

/** What the filmstrip marks on each frame: a keyframe of some track, and boxes at all. */
export function frameMarks(state: TrackLabelingState): { key: boolean; boxes: number }[] {
  return state.times.map((_, p) => ({ key: state.tracks.some((t) => p in t.keys), boxes: frameBoxes(state, p).length }));
}

export function trackStep(state: TrackLabelingState, action: TrackAction): TrackLabelingState {
  const quiet = { ...state, notice: null };
  const here = frameBoxes(state);
  const trackOf = (id: string | null | undefined) => state.tracks.find((t) => t.id === (id ?? state.selected)) ?? null;
  switch (action.type) {
    case 'load':
      return startTracks(action.times, action.classes);
    case 'draw': {
      if (state.times.length === 0) return state;
      if (state.classes.length === 0) return { ...state, notice: 'Add a class before drawing boxes.' };
      const rect = clampRect(action.rect);
      if (!rect) return quiet;
      const selected = trackOf(state.selected);
      // A selected track missing from this frame is placed here: that is how a track is continued.
      if (selected && !here.some((b) => b.id === selected.id)) return withKey(quiet, selected, state.position, rect);
      if (here.length >= MAX_BOXES) return { ...state, notice: `A frame holds at most ${MAX_BOXES} boxes.` };
      const track: Track = { id: action.id, classIndex: state.activeClass, keys: { [state.position]: rect } };
      return { ...quiet, tracks: [...state.tracks, track], selected: track.id };
    }
    case 'move': {
      const track = trackOf(action.id);
      if (!track || !here.some((b) => b.id === track.id)) return state;
      const rect = clampRect(action.rect);
      if (!rect) return { ...state, notice: 'A box needs a width and a height: it was left as it was.' };
      // The surface reports a box grabbed but not moved too: that edits nothing.
      const box = here.find((b) => b.id === track.id) as FrameBox;
      if (sameRect(box, rect)) return state;
      // Moving an interpolated box makes this frame one of the track's keyframes.
      return withKey(quiet, track, state.position, rect);
    }
    case 'remove': {
      const track = trackOf(action.id);
      const box = track ? here.find((b) => b.id === track.id) : undefined;
      if (!track || !box) return state;
      if (box.kind === 'key') return withoutKey(quiet, track, state.position);
      // An interpolated box removed: the object is gone from this frame on.
      return { ...endAt(quiet, track, state.position - 1), notice: 'The track now ends on the frame before this one.' };
    }
    case 'placeHere': {
      const track = trackOf(action.id);
      if (!track) return { ...state, notice: 'Select a track to place it on this frame.' };
      if (here.some((b) => b.id === track.id))
        return { ...state, notice: 'The track already has a box on this frame: move it to make a keyframe.' };
      if (here.length >= MAX_BOXES) return { ...state, notice: `A frame holds at most ${MAX_BOXES} boxes.` };
      const nearest = keyPositions(track).reduce((best, k) => (Math.abs(k - state.position) < Math.abs(best - state.position) ? k : best));
      return withKey(quiet, track, state.position, track.keys[nearest] as Rect);
    }
    case 'endHere': {
      const track = trackOf(action.id);
      if (!track || !here.some((b) => b.id === track.id)) return { ...state, notice: 'The track has no box on this frame to end on.' };
      return endAt(quiet, track, state.position);
    }
    case 'deleteTrack': {
      const track = trackOf(action.id);
      if (!track) return state;
      return { ...quiet, tracks: state.tracks.filter((t) => t.id !== track.id), selected: null };
    }
    case 'select': {
      const selected = action.id !== null && trackOf(action.id) ? action.id : null;
      // The same state when nothing changes, so that the surface reporting a selection it already
      // has does not redraw the page under a drag.
      return selected === state.selected && state.notice === null ? state : { ...quiet, selected };
    }
    case 'pickClass': {
      if (action.cls < 0 || action.cls >= state.classes.length) return state;
      const picked = { ...quiet, activeClass: action.cls };
      const track = trackOf(state.selected);
      if (!track) return picked;
      return { ...picked, tracks: state.tracks.map((t) => (t.id === track.id ? { ...t, classIndex: action.cls } : t)) };
    }
    case 'addClass': {
      const name = action.name.trim();
      if (!name) return { ...state, notice: 'Give the class a name.' };
      const existing = state.classes.indexOf(name);
      if (existing >= 0) return { ...quiet, activeClass: existing, notice: `"${name}" is already a class: it is now the one drawn.` };
      return { ...quiet, classes: [...state.classes, name], activeClass: state.classes.length };
    }
    case 'propose':
      return applyProposals(quiet, action.boxes);
    case 'goTo':
      return { ...quiet, position: Math.min(state.times.length - 1, Math.max(0, Math.round(action.position))) };
    case 'next':
      return { ...quiet, position: Math.min(state.times.length - 1, state.position + 1) };
    case 'previous':
      return { ...quiet, position: Math.max(0, state.position - 1) };
  }
  return state;
}

/** Same place to a hundredth of a percent of the frame. */
function sameRect(a: Rect, b: Rect): boolean {
  const near = (u: number, v: number) => Math.abs(u - v) < 1e-4;
  return near(a.x, b.x) && near(a.y, b.y) && near(a.width, b.width) && near(a.height, b.height);
}

function replace(state: TrackLabelingState, track: Track): TrackLabelingState {
  return { ...state, tracks: state.tracks.map((t) => (t.id === track.id ? track : t)) };
}

function withKey(state: TrackLabelingState, track: Track, position: number, rect: Rect): TrackLabelingState {
  return { ...replace(state, { ...track, keys: { ...track.keys, [position]: rect } }), selected: track.id };
}

/** A keyframe deleted; a track left without any is deleted with it. */
function withoutKey(state: TrackLabelingState, track: Track, position: number): TrackLabelingState {
  const keys = { ...track.keys };
  delete keys[position];
  if (Object.keys(keys).length === 0) return { ...state, tracks: state.tracks.filter((t) => t.id !== track.id), selected: null };
  return replace(state, { ...track, keys });
}

/**
 * The track ends on the frame at `last`: its box there becomes a keyframe (if it was interpolated)
 * and every keyframe after it is dropped. Ending before the first keyframe deletes the track.
 */
function endAt(state: TrackLabelingState, track: Track, last: number): TrackLabelingState {
  const box = trackBoxAt(track, last, state.times);
  if (!box) return { ...state, tracks: state.tracks.filter((t) => t.id !== track.id), selected: null };
  const keys: Record<number, Rect> = {};
  for (const k of keyPositions(track)) if (k < last) keys[k] = track.keys[k] as Rect;
  keys[last] = box.rect;
  return replace(state, { ...track, keys });
}

/**
 * A model's boxes on frames that have none yet (nothing drawn is overwritten), linked from frame to
 * frame into tracks whose every frame is a keyframe; they are then corrected like drawn ones.
 */
function applyProposals(state: TrackLabelingState, proposed: Record<number, Box[]>): TrackLabelingState {
  const open: Record<number, Box[]> = {};
  for (const [key, found] of Object.entries(proposed)) {
    const position = Number(key);
    const kept = found.filter((b) => b.classIndex >= 0 && b.classIndex < state.classes.length).slice(0, MAX_BOXES);
    if (position in state.times && frameBoxes(state, position).length === 0 && kept.length > 0) open[position] = kept;
  }
  const linked = linkProposals(open);
  if (linked.length === 0) return { ...state, notice: 'The model proposed no boxes for the frames without any.' };
  let nextId = state.nextId;
  const tracks = linked.map((t) => ({ ...t, id: `proposed-${nextId++}` }));
  return {
    ...state,
    tracks: [...state.tracks, ...tracks],
    nextId,
    notice: `Proposed ${tracks.length} track(s) on ${Object.keys(open).length} frame(s): check and correct them.`,
  };
}

/**
 * The box labeller's keys on video frames: class keys pick the class (and give it to the selected
 * track), Delete or Backspace remove the selected box, arrows move between frames, Escape lets go
 * of the selected track (so that the next box drawn starts a new one).
 */
export function trackActionForKey(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  keys: readonly (string | null)[],
): TrackAction | null {
  const action = boxActionForKey(event, keys);
  switch (action?.type) {
    case 'remove':
    case 'select':
    case 'pickClass':
    case 'next':
    case 'previous':
      return action;
  }
  return null;
}
