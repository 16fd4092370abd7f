import type { Change } from '../../../engine/graph/changes';
import type { GraphDoc } from '../../../engine/graph/schema';
import type { EditorState, Selection } from './editor-state';

/**
 * What a command asks the store to do. Commands never mutate and never build the next document: they
 * return the edit as a list of changes (`engine/graph/changes.ts`) and/or the next selection, and say
 * whether the edit makes an undo entry. The store applies the changes and keeps their inverse.
 */
export interface CommandResult<O = unknown> {
  ok?: true;
  /** The edit of the document, in order; omitted (or empty) when the command does not change it. */
  changes?: readonly Change[];
  /** The next selection; omitted to keep the current one (minus ids the new document lacks). */
  selection?: Selection;
  /** Whether a document change is recorded for undo. Selection-only changes never are. */
  undoable: boolean;
  /**
   * Consecutive undoable changes with the same key merge into one undo entry (typing in one field,
   * one drag), until another command runs, an undo or redo happens, or the UI seals the history.
   */
  coalesceKey?: string;
  /** Data handed back to the caller: the clipboard text of `copy`, the id of an added node… */
  output?: O;
  /** Undo/redo are commands too; they ask the store to move along its history. `reset` forgets it. */
  history?: 'undo' | 'redo' | 'reset';
  /** Marks the resulting document as the saved one (load, successful save). */
  markSaved?: boolean;
  /** With `markSaved`: the document the server accepted, when edits were made while it was being saved. */
  savedDoc?: GraphDoc;
}

/** A command that cannot run with these arguments, and why, in words for the user. */
export interface CommandRefusal {
  ok: false;
  reason: string;
}

export type CommandOutcome<O = unknown> = CommandResult<O> | CommandRefusal;

/** Where a command sits in menus and in the help overlay. */
export type CommandGroup = 'history' | 'edit' | 'selection' | 'arrange' | 'group' | 'document';

/** Arguments of a command that needs none. */
export type NoArgs = Record<never, never>;

/**
 * One editor action, as data plus two pure functions (after excalidraw's actions). The same registry
 * feeds the toolbar, the context menu, keyboard shortcuts and the help overlay.
 */
export interface Command<A = NoArgs, O = undefined> {
  /** Stable id, used in dispatch and in serialized command logs. */
  id: string;
  label: string;
  group: CommandGroup;
  /** Key combinations, e.g. `Mod+Shift+Z` (Mod = Ctrl, or Cmd on a Mac). See shortcuts.ts. */
  shortcut?: readonly string[];
  /** Cheap check for enabling menu items; whenever it is false, `perform` refuses with a reason or changes nothing. */
  canRun(state: EditorState, args: A): boolean;
  perform(state: EditorState, args: A): CommandOutcome<O>;
}

/** Declares a command, keeping its argument and output types for typed dispatch. */
export function defineCommand<A = NoArgs, O = undefined>(command: Command<A, O>): Command<A, O> {
  return command;
}

export function refuse(reason: string): CommandRefusal {
  return { ok: false, reason };
}

export function isRefusal(outcome: CommandOutcome<unknown>): outcome is CommandRefusal {
  return outcome.ok === false;
}

/** A result that changes nothing (the store does not notify subscribers). */
export const NOTHING: CommandResult<never> = Object.freeze({ undoable: false });
