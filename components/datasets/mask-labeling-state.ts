import { fillPolygon, type MaskSize, type Point, paintStroke } from '@/engine/data/mask-paint';
import { decodeMask, encodeMask } from '@/engine/data/mask-rle';
import { classForKey } from './labeling-state';

/**
 * The mask labeller's state as data: every image of the version in order, where the user is, each
 * painted image's mask (a class index per pixel, at the dataset's image size), which images changed
 * since the stored version, the classes (stored, then added here), the tool and the polygon being
 * drawn. `maskLabelingStep` is pure — every paint makes a new mask — so painting, undo and copying
 * are tested without a DOM; the canvas only reports where the pointer went, in mask pixels.
 */
export interface MaskLabelingState {
  queue: number[];
  position: number;
  size: MaskSize;
  /** Masks by sample index: the stored ones, and those painted here. */
  masks: Record<number, Uint8Array>;
  /** Images whose masks differ from the stored version: what a save sends. */
  changed: Record<number, true>;
  /** Each image's earlier masks, newest last, for undo. */
  history: Record<number, Uint8Array[]>;
  classes: string[];
  storedClasses: number;
  /** The class the brush and the polygon paint (0 is the background). */
  activeClass: number;
  tool: MaskTool;
  /** Brush radius, in pixels of the mask. */
  brush: number;
  /** Corners of the polygon being drawn, in mask pixels. */
  polygon: Point[];
  notice: string | null;
}

/** Brush paints the class, eraser paints background, polygon fills the shape its corners enclose. */
export type MaskTool = 'brush' | 'eraser' | 'polygon';

/** What is kept across a reload: the changed images' masks (as runs) and the classes added. */
export interface MaskDraft {
  masks: Record<number, string>;
  addedClasses: string[];
}

export type MaskLabelingAction =
  | { type: 'load'; queue: number[]; stored: Record<number, Uint8Array> }
  | { type: 'restore'; draft: MaskDraft }
  | { type: 'paint'; from: Point; to: Point; startsStroke: boolean }
  | { type: 'addCorner'; point: Point }
  | { type: 'closePolygon' }
  | { type: 'cancelPolygon' }
  | { type: 'undo' }
  | { type: 'clear' }
  | { type: 'copyPrevious' }
  | { type: 'pickClass'; cls: number }
  | { type: 'addClass'; name: string }
  | { type: 'tool'; tool: MaskTool }
  | { type: 'brush'; radius: number }
  | { type: 'resizeBrush'; by: number }
  | { type: 'next' }
  | { type: 'previous' };

/** Undo steps kept per image. */
const UNDO_DEPTH = 30;
export const MIN_BRUSH = 0.5;
export const MAX_BRUSH = 64;

export function startMaskLabeling(size: MaskSize, classes: string[]): MaskLabelingState {
  return {
    queue: [],
    position: 0,
    size,
    masks: {},
    changed: {},
    history: {},
    classes: [...classes],
    storedClasses: classes.length,
    // The first class after the background: what people come to paint.
    activeClass: classes.length > 1 ? 1 : 0,
    tool: 'brush',
    brush: Math.max(1, Math.round(Math.min(size.width, size.height) / 16)),
    polygon: [],
    notice: null,
  };
}

export const currentIndex = (s: MaskLabelingState): number | undefined => s.queue[s.position];

/** The current image's mask; all background when it has none yet. */
export function currentMask(s: MaskLabelingState): Uint8Array {
  const index = currentIndex(s);
  return (index === undefined ? undefined : s.masks[index]) ?? new Uint8Array(s.size.width * s.size.height);
}

export const labelledCount = (s: MaskLabelingState) => s.queue.filter((i) => s.masks[i] !== undefined).length;
export const hasUnsaved = (s: MaskLabelingState) => Object.keys(s.changed).length > 0 || s.classes.length > s.storedClasses;

/** Pixels of each class on a mask, for the legend. */
export function pixelsPerClass(mask: Uint8Array, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (const v of mask) if (v < classCount) counts[v] = (counts[v] as number) + 1;
  return counts;
}

export function maskLabelingStep(s: MaskLabelingState, action: MaskLabelingAction): MaskLabelingState {
  const state = { ...s, notice: null };
  const index = currentIndex(s);
  switch (action.type) {
    case 'load':
      return { ...state, queue: action.queue, position: 0, masks: { ...action.stored }, changed: {}, history: {} };
    case 'restore': {
      const masks = { ...state.masks };
      const changed: Record<number, true> = {};
      for (const [key, text] of Object.entries(action.draft.masks)) {
        const decoded = decodeMask(text, s.size.width * s.size.height);
        if ('problem' in decoded || !s.queue.includes(Number(key))) continue;
        masks[Number(key)] = decoded.pixels;
        changed[Number(key)] = true;
      }
      const classes = [...state.classes, ...action.draft.addedClasses.filter((c) => !state.classes.includes(c))];
      return { ...state, masks, changed, classes, activeClass: classes.length > 1 ? 1 : 0 };
    }
    case 'paint': {
      if (index === undefined || s.tool === 'polygon') return s;
      const value = s.tool === 'eraser' ? 0 : s.activeClass;
      const before = currentMask(s);
      const mask = new Uint8Array(before);
      paintStroke(mask, s.size, action.from, action.to, s.brush, value);
      // A stroke is one undo step, however many pointer moves it took.
      return withMask(state, index, mask, action.startsStroke ? before : null);
    }
    case 'addCorner':
      return s.tool === 'polygon' && index !== undefined ? { ...state, polygon: [...s.polygon, action.point] } : s;
    case 'closePolygon': {
      if (index === undefined || s.polygon.length < 3)
        return { ...state, notice: 'A polygon needs at least three corners: click them on the image.' };
      const before = currentMask(s);
      const mask = new Uint8Array(before);
      fillPolygon(mask, s.size, s.polygon, s.activeClass);
      return { ...withMask(state, index, mask, before), polygon: [] };
    }
    case 'cancelPolygon':
      return { ...state, polygon: [] };
    case 'undo': {
      const earlier = index === undefined ? undefined : s.history[index];
      if (index === undefined || !earlier || earlier.length === 0) return { ...state, notice: 'Nothing to undo on this image.' };
      const mask = earlier[earlier.length - 1] as Uint8Array;
      return {
        ...state,
        masks: { ...s.masks, [index]: mask },
        changed: { ...s.changed, [index]: true },
        history: { ...s.history, [index]: earlier.slice(0, -1) },
      };
    }
    case 'clear':
      return index === undefined ? s : withMask(state, index, new Uint8Array(s.size.width * s.size.height), currentMask(s));
    case 'copyPrevious': {
      const previous = s.queue[s.position - 1];
      const source = previous === undefined ? undefined : s.masks[previous];
      if (index === undefined || !source) return { ...state, notice: 'The previous image has no mask to copy.' };
      return withMask(state, index, new Uint8Array(source), currentMask(s));
    }
    case 'pickClass':
      return action.cls >= 0 && action.cls < s.classes.length
        ? { ...state, activeClass: action.cls, tool: s.tool === 'eraser' ? 'brush' : s.tool }
        : s;
    case 'addClass': {
      const name = action.name.trim();
      if (!name) return s;
      if (s.classes.includes(name)) return { ...state, notice: `There is already a class "${name}".` };
      if (s.classes.length >= 256) return { ...state, notice: 'A mask holds at most 256 classes.' };
      return { ...state, classes: [...s.classes, name], activeClass: s.classes.length };
    }
    case 'tool':
      return { ...state, tool: action.tool, polygon: action.tool === 'polygon' ? s.polygon : [] };
    case 'brush':
      return { ...state, brush: Math.min(MAX_BRUSH, Math.max(MIN_BRUSH, action.radius)) };
    case 'resizeBrush':
      return { ...state, brush: Math.min(MAX_BRUSH, Math.max(MIN_BRUSH, s.brush + action.by)) };
    case 'next':
      return s.position < s.queue.length - 1 ? { ...state, position: s.position + 1, polygon: [] } : s;
    case 'previous':
      return s.position > 0 ? { ...state, position: s.position - 1, polygon: [] } : s;
  }
}

/** The state with image `index`'s mask replaced (keeping `before` for undo when given). */
function withMask(s: MaskLabelingState, index: number, mask: Uint8Array, before: Uint8Array | null): MaskLabelingState {
  const earlier = s.history[index] ?? [];
  const history = before ? { ...s.history, [index]: [...earlier, before].slice(-UNDO_DEPTH) } : s.history;
  return { ...s, masks: { ...s.masks, [index]: mask }, changed: { ...s.changed, [index]: true }, history };
}

/** What a save sends: the changed images' masks as runs, and the classes added here. */
export function savePayload(s: MaskLabelingState): { masks: { index: number; mask: string }[]; addClasses: string[] } {
  return {
    masks: Object.keys(s.changed)
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => ({ index, mask: encodeMask(s.masks[index] as Uint8Array) })),
    addClasses: s.classes.slice(s.storedClasses),
  };
}

export function draftOf(s: MaskLabelingState): MaskDraft {
  const payload = savePayload(s);
  return { masks: Object.fromEntries(payload.masks.map((m) => [m.index, m.mask])), addedClasses: payload.addClasses };
}

/** Turns a keyboard event into an action: class keys, Shift+B/E/P for the tools, [ ] for the brush, Enter/Escape for the polygon, arrows, Ctrl/⌘+Z. */
export function maskActionForKey(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey?: boolean },
  keys: readonly (string | null)[],
): MaskLabelingAction | null {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') return { type: 'undo' };
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Enter') return { type: 'closePolygon' };
  if (event.key === 'Escape') return { type: 'cancelPolygon' };
  if (event.key === 'ArrowRight' || event.key === 'ArrowDown') return { type: 'next' };
  if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') return { type: 'previous' };
  if (event.key === '[' || event.key === ']') return { type: 'resizeBrush', by: event.key === '[' ? -1 : 1 };
  // Tools take Shift+letter so that letters stay free for classes.
  if (event.shiftKey && event.key.length === 1) {
    const tool = ({ B: 'brush', E: 'eraser', P: 'polygon' } as const)[event.key.toUpperCase() as 'B' | 'E' | 'P'];
    if (tool) return { type: 'tool', tool };
  }
  const cls = event.key.length === 1 && !event.shiftKey ? classForKey(event.key, keys) : null;
  return cls === null ? null : { type: 'pickClass', cls };
}
