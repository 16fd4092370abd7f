import { applyWithInverse } from '../../../engine/graph/apply-changes';
import type { Change } from '../../../engine/graph/changes';
import type { GraphDoc } from '../../../engine/graph/schema';
import type { HistoryStatus, Selection } from './editor-state';

/** The document and selection the editor shows now. */
export interface Snapshot {
  doc: GraphDoc;
  selection: Selection;
}

/**
 * One step of undo (or redo): the changes that take the document back (or forward) across one edit,
 * and the selection to show after them. Change lists, not documents: an entry holds only what the
 * edit touched, and the same lists can later be sent to a collaborator.
 */
export interface HistoryEntry {
  changes: readonly Change[];
  selection: Selection;
  /** Label of the command that made the edit. */
  label: string;
}

/**
 * Undo and redo stacks of change lists, plus the key of the entry that may still absorb the next
 * edit. Immutable: every operation returns a new value.
 */
export interface History {
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
  /** Coalesce key of the top `past` entry while it is open for merging; `undefined` once sealed. */
  readonly openKey?: string;
}

export const EMPTY_HISTORY: History = Object.freeze({ past: Object.freeze([]), future: Object.freeze([]) });

/** Default number of undo steps kept; the oldest are dropped beyond it. */
export const HISTORY_LIMIT = 200;

/**
 * Records an undoable edit by its inverse (`undo`: the changes that revert it) and the selection it
 * was made with. An edit whose key equals the open key merges into the top entry: its inverse runs
 * first, then the entry's. Anything else opens a new entry. Either way the redo stack is cleared.
 */
export function record(
  history: History,
  undo: readonly Change[],
  selection: Selection,
  label: string,
  coalesceKey: string | undefined,
  limit = HISTORY_LIMIT,
): History {
  const top = history.past[history.past.length - 1];
  if (coalesceKey !== undefined && history.openKey === coalesceKey && top) {
    const merged = { ...top, changes: [...undo, ...top.changes] };
    return { past: [...history.past.slice(0, -1), merged], future: [], openKey: coalesceKey };
  }
  const past = [...history.past, { changes: undo, selection, label }];
  if (past.length > limit) past.splice(0, past.length - limit);
  return coalesceKey === undefined ? { past, future: [] } : { past, future: [], openKey: coalesceKey };
}

/** Closes the top entry: the next change, whatever its key, makes a new entry. */
export function seal(history: History): History {
  return history.openKey === undefined ? history : { past: history.past, future: history.future };
}

/** Steps back: applies the top entry's changes, and pushes their inverse (with the current selection) for redo. */
export function undo(history: History, current: Snapshot): { history: History; restore: Snapshot } | null {
  const entry = history.past[history.past.length - 1];
  if (!entry) return null;
  const { doc, inverse } = applyWithInverse(current.doc, entry.changes);
  return {
    history: {
      past: history.past.slice(0, -1),
      future: [...history.future, { changes: inverse, selection: current.selection, label: entry.label }],
    },
    restore: { doc, selection: entry.selection },
  };
}

/** Steps forward again: the mirror image of `undo`. */
export function redo(history: History, current: Snapshot): { history: History; restore: Snapshot } | null {
  const entry = history.future[history.future.length - 1];
  if (!entry) return null;
  const { doc, inverse } = applyWithInverse(current.doc, entry.changes);
  return {
    history: {
      past: [...history.past, { changes: inverse, selection: current.selection, label: entry.label }],
      future: history.future.slice(0, -1),
    },
    restore: { doc, selection: entry.selection },
  };
}

export function historyStatus(history: History): HistoryStatus {
  const undoLabel = history.past[history.past.length - 1]?.label;
  const redoLabel = history.future[history.future.length - 1]?.label;
  return {
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    ...(undoLabel !== undefined ? { undoLabel } : {}),
    ...(redoLabel !== undefined ? { redoLabel } : {}),
  };
}
