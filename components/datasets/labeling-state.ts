/**
 * The labelling view's state as data: a queue of images, where the user is, the classes given so
 * far and an undo history. `labelingStep` is pure, so keyboard handling is tested without a DOM.
 */
export interface LabelingState {
  /** Sample indexes to label, in order. */
  queue: number[];
  position: number;
  /** Class given per sample index. */
  assigned: Record<number, number>;
  history: { index: number; previous: number | undefined; position: number }[];
}

export type LabelingAction =
  | { type: 'load'; queue: number[] }
  | { type: 'assign'; cls: number }
  | { type: 'assignMany'; labels: Record<number, number> }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'undo' };

export function startLabeling(queue: number[]): LabelingState {
  return { queue, position: 0, assigned: {}, history: [] };
}

export function labelingStep(state: LabelingState, action: LabelingAction): LabelingState {
  const current = state.queue[state.position];
  switch (action.type) {
    case 'load':
      return startLabeling(action.queue);
    case 'assign': {
      if (current === undefined) return state;
      return {
        ...state,
        assigned: { ...state.assigned, [current]: action.cls },
        history: [...state.history, { index: current, previous: state.assigned[current], position: state.position }],
        position: nextOpen(state.queue, { ...state.assigned, [current]: action.cls }, state.position),
      };
    }
    case 'assignMany': {
      const assigned = { ...state.assigned, ...action.labels };
      // One undo step per sample, so accepting many proposals can be undone one by one.
      const history = [
        ...state.history,
        ...Object.keys(action.labels).map((k) => ({ index: Number(k), previous: state.assigned[Number(k)], position: state.position })),
      ];
      return { ...state, assigned, history };
    }
    case 'next':
      return { ...state, position: Math.min(state.queue.length - 1, state.position + 1) };
    case 'previous':
      return { ...state, position: Math.max(0, state.position - 1) };
    case 'undo': {
      const last = state.history[state.history.length - 1];
      if (!last) return state;
      const assigned = { ...state.assigned };
      if (last.previous === undefined) delete assigned[last.index];
      else assigned[last.index] = last.previous;
      return { ...state, assigned, history: state.history.slice(0, -1), position: last.position };
    }
  }
  return state;
}

/** After labelling at `from`: the next image without a class, or stay at the end. */
function nextOpen(queue: number[], assigned: Record<number, number>, from: number): number {
  for (let p = from + 1; p < queue.length; p++) if (assigned[queue[p] as number] === undefined) return p;
  return Math.min(from + 1, queue.length - 1);
}

/** Keys that can name a class, in the order they are handed out: 1–9, then 0, then a–z. */
const KEY_POOL = [...'1234567890abcdefghijklmnopqrstuvwxyz'];

/**
 * The key of each class. A class whose name is itself a key (`0`…`9`, a single letter) gets that key,
 * so the digits 0–9 are typed as themselves; the other classes take the remaining keys in order.
 * Classes beyond the 36 keys get none (null) and are picked with the mouse.
 *
 * @example
 * classKeys(['0', '1', '2']); // ['0', '1', '2']
 * classKeys(['cat', 'dog']); // ['1', '2']
 */
export function classKeys(classes: readonly string[]): (string | null)[] {
  const keys: (string | null)[] = classes.map(() => null);
  const taken = new Set<string>();
  classes.forEach((name, i) => {
    const own = name.trim().toLowerCase();
    if (own.length === 1 && KEY_POOL.includes(own) && !taken.has(own)) {
      keys[i] = own;
      taken.add(own);
    }
  });
  const free = KEY_POOL.filter((k) => !taken.has(k));
  classes.forEach((_, i) => {
    if (keys[i] === null) keys[i] = free.shift() ?? null;
  });
  return keys;
}

/** The class a key gives (see {@link classKeys}), or null. */
export function classForKey(key: string, keys: readonly (string | null)[]): number | null {
  const index = keys.indexOf(key.toLowerCase());
  return index < 0 ? null : index;
}

/** Turns a keyboard event into an action: class keys, arrows, Backspace or Ctrl/⌘+Z to undo. */
export function actionForKey(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  keys: readonly (string | null)[],
): LabelingAction | null {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') return { type: 'undo' };
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Backspace') return { type: 'undo' };
  if (event.key === 'ArrowRight' || event.key === 'ArrowDown') return { type: 'next' };
  if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') return { type: 'previous' };
  const cls = event.key.length === 1 ? classForKey(event.key, keys) : null;
  return cls === null ? null : { type: 'assign', cls };
}
