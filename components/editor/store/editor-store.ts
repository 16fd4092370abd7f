import { applyChanges, applyWithInverse } from '../../../engine/graph/apply-changes';
import type { Change } from '../../../engine/graph/changes';
import type { GraphDoc } from '../../../engine/graph/schema';
import { type CommandOutcome, type CommandRefusal, isRefusal, refuse } from './command';
import { type ArgsOf, COMMANDS, type CommandId, isCommandId, type OutputOf } from './commands';
import { createEditorState, deriveState, type EditorState } from './editor-state';
import { EMPTY_HISTORY, HISTORY_LIMIT, type History, historyStatus, record, redo, seal, undo } from './history';

export interface DispatchSuccess<O> {
  ok: true;
  /** What the command handed back (clipboard text, new ids…), if anything. */
  output?: O;
  /** Whether the state changed (subscribers were notified). */
  changed: boolean;
}

export type DispatchResult<O = unknown> = DispatchSuccess<O> | CommandRefusal;

/** Commands whose arguments are all optional may be dispatched without them. */
export type ArgsParam<K extends CommandId> = Record<never, never> extends ArgsOf<K> ? [args?: ArgsOf<K>] : [args: ArgsOf<K>];

export type Listener = (state: EditorState, previous: EditorState) => void;

/**
 * The editor's observable store: one immutable state, changed only by dispatching commands. It plugs
 * into React with `useSyncExternalStore(store.subscribe, store.getState)`.
 */
export interface EditorStore {
  getState(): EditorState;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
  /** Runs a command; a refusal carries the reason to show and leaves the state untouched. */
  dispatch<K extends CommandId>(id: K, ...args: ArgsParam<K>): DispatchResult<OutputOf<K>>;
  /** Whether a command can run now (for enabling toolbar buttons and menu items). */
  canRun<K extends CommandId>(id: K, ...args: ArgsParam<K>): boolean;
  /** Ends the current coalescing run (drag end, field blur): the next change makes a new undo entry. */
  seal(): void;
  /** Depth of the undo and redo stacks. */
  historyDepth(): { undo: number; redo: number };
  /**
   * Applies someone else's edit (a co-editor's, arriving through the shared room): the document
   * changes but the history does not, so undo keeps undoing only this user's own edits. Returns
   * whether the document changed; a list that does not fit throws a `ChangeError`.
   */
  applyRemote(changes: readonly Change[]): boolean;
}

export interface EditorStoreOptions {
  doc?: GraphDoc;
  /** `false` for a document that was never saved (it starts with the unsaved-changes marker on). */
  saved?: boolean;
  /** Undo steps kept (default 200); the oldest are dropped beyond it. */
  historyLimit?: number;
}

/**
 * Creates an editor store.
 *
 * Commands return their edits as change lists; the store applies them and records each edit's
 * inverse with the selection it was made with, so undo and redo apply change lists too. Undoable changes with the same `coalesceKey` merge while nothing else happens in
 * between; a selection change, an undo/redo or `seal()` ends the run. A document change that is not
 * undoable (opening a saved version) clears the history, so undo never crosses a load.
 *
 * @example
 * const store = createEditorStore();
 * const { output: id } = store.dispatch('addNode', { type: 'input', params: { shape: [4] } }) as { output: string };
 * store.dispatch('addNode', { type: 'dense', after: id });
 * store.dispatch('undo');
 */
export function createEditorStore(options: EditorStoreOptions = {}): EditorStore {
  const limit = options.historyLimit ?? HISTORY_LIMIT;
  const listeners = new Set<Listener>();
  let state = createEditorState(options.doc, { saved: options.saved });
  let history: History = EMPTY_HISTORY;

  const commit = (next: EditorState): boolean => {
    if (next === state) return false;
    const previous = state;
    state = next;
    for (const listener of [...listeners]) listener(state, previous);
    return true;
  };

  const apply = (label: string, outcome: Exclude<CommandOutcome<unknown>, CommandRefusal>): boolean => {
    if (outcome.history === 'undo' || outcome.history === 'redo') {
      const step = (outcome.history === 'undo' ? undo : redo)(seal(history), { doc: state.doc, selection: state.selection });
      if (!step) return false;
      history = step.history;
      return commit(deriveState(state, { ...step.restore, history: historyStatus(history) }));
    }
    const { doc, inverse } = applyWithInverse(state.doc, outcome.changes ?? []);
    const docChanged = doc !== state.doc;
    const next = deriveState(state, {
      doc,
      ...(outcome.selection ? { selection: outcome.selection } : {}),
      ...(outcome.markSaved ? { markSaved: true, ...(outcome.savedDoc ? { savedDoc: outcome.savedDoc } : {}) } : {}),
    });
    if (outcome.history === 'reset' || (docChanged && !outcome.undoable)) history = EMPTY_HISTORY;
    else if (docChanged) history = record(history, inverse, state.selection, label, outcome.coalesceKey, limit);
    else if (next.selection !== state.selection) history = seal(history);
    return commit(deriveState(next, { history: historyStatus(history) }));
  };

  const run = (id: string, args: unknown): { outcome: CommandOutcome<unknown>; label: string } => {
    if (!isCommandId(id)) return { outcome: refuse(`There is no command "${id}".`), label: id };
    const command = COMMANDS[id] as unknown as {
      label: string;
      perform(state: EditorState, args: unknown): CommandOutcome<unknown>;
    };
    try {
      return { outcome: command.perform(state, args ?? {}), label: command.label };
    } catch (error) {
      // Commands are pure and should refuse rather than throw; if one throws anyway, nothing changes.
      return {
        outcome: refuse(`${command.label} failed: ${error instanceof Error ? error.message : String(error)}`),
        label: command.label,
      };
    }
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispatch(id, ...rest) {
      const { outcome, label } = run(id, rest[0]);
      if (isRefusal(outcome)) return outcome;
      let changed: boolean;
      try {
        changed = apply(label, outcome);
      } catch (error) {
        // A change list that does not fit the document (a command bug) changes nothing.
        return refuse(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      return (outcome.output === undefined ? { ok: true, changed } : { ok: true, changed, output: outcome.output }) as DispatchResult<
        OutputOf<typeof id>
      >;
    },
    canRun(id, ...rest) {
      if (!isCommandId(id)) return false;
      const command = COMMANDS[id] as unknown as { canRun(state: EditorState, args: unknown): boolean };
      try {
        return command.canRun(state, rest[0] ?? {});
      } catch {
        return false;
      }
    },
    seal() {
      history = seal(history);
    },
    historyDepth: () => ({ undo: history.past.length, redo: history.future.length }),
    applyRemote(changes) {
      if (changes.length === 0) return false;
      const doc = applyChanges(state.doc, changes);
      // deriveState keeps the selection to what still exists.
      return commit(deriveState(state, { doc }));
    },
  };
}
