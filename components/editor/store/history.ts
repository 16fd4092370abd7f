import type { GraphDoc } from '../../../engine/graph/schema';
import type { HistoryStatus, Selection } from './editor-state';

/** A document and selection to go back (or forward) to. Documents are immutable, so snapshots share structure. */
export interface Snapshot {
  doc: GraphDoc;
  selection: Selection;
}

export interface HistoryEntry extends Snapshot {
  /** Label of the command that left this snapshot behind. */
  label: string;
}

/**
 * Undo and redo stacks of snapshots, plus the key of the entry that may still absorb the next
 * change. Immutable: every operation returns a new value.
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
 * Records that `before` was replaced by an undoable change. A change whose key equals the open key
 * merges into the top entry (its `before` is already there); anything else opens a new entry.
 * Either way the redo stack is cleared.
 */
export function record(history: History, before: Snapshot, label: string, coalesceKey: string | undefined, limit = HISTORY_LIMIT): History {
  if (coalesceKey !== undefined && history.openKey === coalesceKey && history.past.length > 0) {
    return history.future.length === 0 ? history : { ...history, future: [] };
  }
  const past = [...history.past, { doc: before.doc, selection: before.selection, label }];
  if (past.length > limit) past.splice(0, past.length - limit);
  return coalesceKey === undefined ? { past, future: [] } : { past, future: [], openKey: coalesceKey };
}

/** Closes the top entry: the next change, whatever its key, makes a new entry. */
export function seal(history: History): History {
  return history.openKey === undefined ? history : { past: history.past, future: history.future };
}

/** Steps back: returns the snapshot to restore and the history with `current` pushed for redo. */
export function undo(history: History, current: Snapshot): { history: History; restore: Snapshot } | null {
  const entry = history.past[history.past.length - 1];
  if (!entry) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [...history.future, { ...current, label: entry.label }] },
    restore: entry,
  };
}

/** Steps forward again: the mirror image of `undo`. */
export function redo(history: History, current: Snapshot): { history: History; restore: Snapshot } | null {
  const entry = history.future[history.future.length - 1];
  if (!entry) return null;
  return {
    history: { past: [...history.past, { ...current, label: entry.label }], future: history.future.slice(0, -1) },
    restore: entry,
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
