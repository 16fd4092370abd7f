import { type Box, MAX_BOXES } from '@/engine/tasks/detection-boxes';
import { classForKey } from './labeling-state';

/**
 * The box labeller's state as data: every image of the version in order, where the user is, each
 * image's boxes as they are now, which images changed since the stored version, the classes (the
 * stored ones, then those added here) and the selected box. `boxLabelingStep` is pure, so drawing,
 * editing and copying are tested without a DOM; the drawing surface only reports what the mouse did.
 */
export interface BoxLabelingState {
  /** Sample indexes, in the order they are shown. */
  queue: number[];
  position: number;
  /** Each image's boxes (fractions of the image), by sample index. */
  boxes: Record<number, DrawnBox[]>;
  /** Images whose boxes differ from the stored version: what a save sends. */
  changed: Record<number, true>;
  classes: string[];
  /** How many of `classes` the stored version has; the rest are added by the save. */
  storedClasses: number;
  /** The class a new box gets. */
  activeClass: number;
  selected: string | null;
  /** Why the last action did nothing, shown to the user. */
  notice: string | null;
  /** Counter for the ids of boxes the state makes itself (loaded or copied). */
  nextId: number;
}

/** A box on the drawing surface: a stable id so the surface and the state can name it. */
export interface DrawnBox extends Box {
  id: string;
}

/** A box's place, in fractions of the image. */
export type Rect = Pick<Box, 'x' | 'y' | 'width' | 'height'>;

/** What is kept across a reload: the changed images' boxes and the classes added. */
export interface BoxDraft {
  boxes: Record<number, Box[]>;
  addedClasses: string[];
}

export type BoxLabelingAction =
  | { type: 'load'; queue: number[]; stored: Record<number, Box[]>; classes: string[] }
  | { type: 'restore'; draft: BoxDraft }
  | { type: 'draw'; id: string; rect: Rect }
  | { type: 'move'; id: string; rect: Rect }
  | { type: 'remove'; id?: string }
  | { type: 'select'; id: string | null }
  | { type: 'pickClass'; cls: number }
  | { type: 'addClass'; name: string }
  | { type: 'copyPrevious' }
  | { type: 'propose'; boxes: Record<number, Box[]> }
  | { type: 'next' }
  | { type: 'previous' };

/** Boxes smaller than this (a fraction of the image's side) are a click, not a drawing. */
export const MIN_SIDE = 0.005;

export function startBoxLabeling(queue: number[], stored: Record<number, Box[]>, classes: string[]): BoxLabelingState {
  let nextId = 0;
  const boxes: Record<number, DrawnBox[]> = {};
  for (const index of queue) boxes[index] = (stored[index] ?? []).map((b) => ({ ...b, id: `b${nextId++}` }));
  return {
    queue,
    position: 0,
    boxes,
    changed: {},
    classes: [...classes],
    storedClasses: classes.length,
    activeClass: 0,
    selected: null,
    notice: null,
    nextId,
  };
}

/** The sample index shown now, if any. */
export function currentIndex(state: BoxLabelingState): number | undefined {
  return state.queue[state.position];
}

/** The boxes of the image shown now. */
export function currentBoxes(state: BoxLabelingState): DrawnBox[] {
  const index = currentIndex(state);
  return index === undefined ? [] : (state.boxes[index] ?? []);
}

/** Images with at least one box, for "12 of 40 images labelled". */
export function labelledCount(state: BoxLabelingState): number {
  return state.queue.reduce((n, index) => n + ((state.boxes[index]?.length ?? 0) > 0 ? 1 : 0), 0);
}

/** A rectangle moved inside the image (a drag may end past its edge), or null when it has no area. */
export function clampRect(rect: Rect): Rect | null {
  const x0 = Math.min(1, Math.max(0, Math.min(rect.x, rect.x + rect.width)));
  const y0 = Math.min(1, Math.max(0, Math.min(rect.y, rect.y + rect.height)));
  const x1 = Math.min(1, Math.max(0, Math.max(rect.x, rect.x + rect.width)));
  const y1 = Math.min(1, Math.max(0, Math.max(rect.y, rect.y + rect.height)));
  if (x1 - x0 < MIN_SIDE || y1 - y0 < MIN_SIDE) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function boxLabelingStep(state: BoxLabelingState, action: BoxLabelingAction): BoxLabelingState {
  const index = currentIndex(state);
  const here = currentBoxes(state);
  const quiet = { ...state, notice: null };
  switch (action.type) {
    case 'load':
      return startBoxLabeling(action.queue, action.stored, action.classes);
    case 'restore':
      return restoreDraft(state, action.draft);
    case 'draw': {
      if (index === undefined) return state;
      if (state.classes.length === 0) return { ...state, notice: 'Add a class before drawing boxes.' };
      if (here.length >= MAX_BOXES) return { ...state, notice: `An image holds at most ${MAX_BOXES} boxes.` };
      const rect = clampRect(action.rect);
      if (!rect) return quiet;
      return edit(quiet, index, [...here, { ...rect, classIndex: state.activeClass, id: action.id }], action.id);
    }
    case 'move': {
      if (index === undefined || !here.some((b) => b.id === action.id)) return state;
      const rect = clampRect(action.rect);
      if (!rect) return { ...state, notice: 'A box needs a width and a height: it was left as it was.' };
      return edit(
        quiet,
        index,
        here.map((b) => (b.id === action.id ? { ...b, ...rect } : b)),
        action.id,
      );
    }
    case 'remove': {
      const id = action.id ?? state.selected;
      if (index === undefined || id === null || !here.some((b) => b.id === id)) return state;
      return edit(
        quiet,
        index,
        here.filter((b) => b.id !== id),
        null,
      );
    }
    case 'select':
      return { ...quiet, selected: action.id !== null && here.some((b) => b.id === action.id) ? action.id : null };
    case 'pickClass': {
      if (action.cls < 0 || action.cls >= state.classes.length) return state;
      const picked = { ...quiet, activeClass: action.cls };
      const selected = here.find((b) => b.id === state.selected);
      if (index === undefined || !selected || selected.classIndex === action.cls) return picked;
      return edit(
        picked,
        index,
        here.map((b) => (b.id === selected.id ? { ...b, classIndex: action.cls } : b)),
        selected.id,
      );
    }
    case 'addClass': {
      const name = action.name.trim();
      if (!name) return { ...state, notice: 'Give the class a name.' };
      const existing = state.classes.indexOf(name);
      if (existing >= 0) return { ...quiet, activeClass: existing, notice: `"${name}" is already a class: it is now the one drawn.` };
      return { ...quiet, classes: [...state.classes, name], activeClass: state.classes.length };
    }
    case 'copyPrevious': {
      const previous = state.queue[state.position - 1];
      if (index === undefined || previous === undefined) return { ...state, notice: 'This is the first image: nothing to copy.' };
      const source = state.boxes[previous] ?? [];
      if (source.length === 0) return { ...state, notice: 'The previous image has no boxes to copy.' };
      let nextId = state.nextId;
      const copies = source.map((b) => ({ ...b, id: `b${nextId++}` }));
      return edit({ ...quiet, nextId }, index, copies, null);
    }
    case 'propose':
      return applyProposals(quiet, action.boxes);
    case 'next':
      return { ...quiet, position: Math.min(state.queue.length - 1, state.position + 1), selected: null };
    case 'previous':
      return { ...quiet, position: Math.max(0, state.position - 1), selected: null };
  }
  return state;
}

function edit(state: BoxLabelingState, index: number, boxes: DrawnBox[], selected: string | null): BoxLabelingState {
  return { ...state, boxes: { ...state.boxes, [index]: boxes }, changed: { ...state.changed, [index]: true }, selected };
}

/**
 * A model's proposed boxes, given only to images that have none yet (nothing drawn is overwritten);
 * they are then ordinary boxes to accept by saving, or to correct. Unknown classes are dropped.
 */
function applyProposals(state: BoxLabelingState, proposed: Record<number, Box[]>): BoxLabelingState {
  let nextId = state.nextId;
  const boxes = { ...state.boxes };
  const changed = { ...state.changed };
  let given = 0;
  for (const [key, found] of Object.entries(proposed)) {
    const index = Number(key);
    const kept = found.filter((b) => b.classIndex >= 0 && b.classIndex < state.classes.length).slice(0, MAX_BOXES);
    if (!(index in boxes) || (boxes[index]?.length ?? 0) > 0 || kept.length === 0) continue;
    boxes[index] = kept.map((b) => ({ ...b, id: `b${nextId++}` }));
    changed[index] = true;
    given++;
  }
  const notice =
    given === 0
      ? 'The model proposed no boxes for the images without any.'
      : `Boxes proposed for ${given} image(s): check and correct them, then save.`;
  return { ...state, boxes, changed, nextId, notice };
}

/** A draft applied over freshly loaded stored boxes: only images still in the queue, classes re-added. */
function restoreDraft(state: BoxLabelingState, draft: BoxDraft): BoxLabelingState {
  const classes = [...state.classes];
  for (const name of draft.addedClasses) if (!classes.includes(name)) classes.push(name);
  let nextId = state.nextId;
  const boxes = { ...state.boxes };
  const changed = { ...state.changed };
  for (const [key, drawn] of Object.entries(draft.boxes)) {
    const index = Number(key);
    if (!(index in boxes)) continue;
    boxes[index] = drawn.filter((b) => b.classIndex < classes.length).map((b) => ({ ...b, id: `b${nextId++}` }));
    changed[index] = true;
  }
  return { ...state, classes, boxes, changed, nextId };
}

/** What to keep so that nothing is lost when the page is left before saving. */
export function draftOf(state: BoxLabelingState): BoxDraft {
  const boxes: Record<number, Box[]> = {};
  for (const key of Object.keys(state.changed)) boxes[Number(key)] = (state.boxes[Number(key)] ?? []).map(plainBox);
  return { boxes, addedClasses: state.classes.slice(state.storedClasses) };
}

/** True when there is something not yet saved. */
export function hasUnsaved(state: BoxLabelingState): boolean {
  return Object.keys(state.changed).length > 0 || state.classes.length > state.storedClasses;
}

/**
 * The body of the save: classes added here and every changed image's boxes (null when its boxes
 * were all removed: it goes back to unlabelled).
 */
export function savePayload(state: BoxLabelingState): { addClasses: string[]; boxes: { index: number; boxes: Box[] | null }[] } {
  const boxes = Object.keys(state.changed)
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => {
      const drawn = state.boxes[index] ?? [];
      return { index, boxes: drawn.length > 0 ? drawn.map(plainBox) : null };
    });
  return { addClasses: state.classes.slice(state.storedClasses), boxes };
}

/** One problem with the boxes about to be saved, naming the image. */
export interface BoxProblem {
  index: number;
  message: string;
}

/**
 * The same checks the server makes, before sending: each box inside the image, with an area and a
 * known class; at most MAX_BOXES per image. `nameOf` gives an image's file name for the message.
 */
export function boxProblems(state: BoxLabelingState, nameOf: (index: number) => string | null): BoxProblem[] {
  const problems: BoxProblem[] = [];
  for (const key of Object.keys(state.changed)) {
    const index = Number(key);
    const where = nameOf(index) ? `Image "${nameOf(index)}"` : `Sample ${index}`;
    const drawn = state.boxes[index] ?? [];
    if (drawn.length > MAX_BOXES) problems.push({ index, message: `${where}: at most ${MAX_BOXES} boxes per image.` });
    drawn.forEach((b, k) => {
      const box = `${where}, box ${k + 1}`;
      if (!(b.width > 0 && b.height > 0)) problems.push({ index, message: `${box}: a box needs a width and a height.` });
      else if (b.x < 0 || b.y < 0 || b.x + b.width > 1 + 1e-6 || b.y + b.height > 1 + 1e-6)
        problems.push({ index, message: `${box}: the box goes outside the image.` });
      if (!Number.isInteger(b.classIndex) || b.classIndex < 0 || b.classIndex >= state.classes.length)
        problems.push({ index, message: `${box}: class ${b.classIndex} is not one of the ${state.classes.length} class(es).` });
    });
  }
  return problems.sort((a, b) => a.index - b.index);
}

/**
 * Turns a keyboard event into an action: class keys (see `classKeys`) pick the class (and give it to
 * the selected box), Delete or Backspace remove the selected box, arrows move between images,
 * Escape lets go of the selection.
 */
export function boxActionForKey(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  keys: readonly (string | null)[],
): BoxLabelingAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Delete' || event.key === 'Backspace') return { type: 'remove' };
  if (event.key === 'Escape') return { type: 'select', id: null };
  if (event.key === 'ArrowRight' || event.key === 'ArrowDown') return { type: 'next' };
  if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') return { type: 'previous' };
  const cls = event.key.length === 1 ? classForKey(event.key, keys) : null;
  return cls === null ? null : { type: 'pickClass', cls };
}

function plainBox({ classIndex, x, y, width, height }: Box): Box {
  return { classIndex, x, y, width, height };
}
