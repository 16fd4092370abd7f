import { expect } from 'vitest';
import type { ArgsOf, CommandId, OutputOf } from '../../../components/editor/store/commands';
import type { EditorState } from '../../../components/editor/store/editor-state';
import {
  type ArgsParam,
  createEditorStore,
  type DispatchResult,
  type EditorStore,
  type EditorStoreOptions,
} from '../../../components/editor/store/editor-store';
import {
  isUiAction,
  type KeyEventLike,
  matchShortcut,
  type Platform,
  type ShortcutAction,
} from '../../../components/editor/store/shortcuts';
import type { NodeAnalysis } from '../../../engine/analysis/types';
import { type GraphDoc, GraphDocSchema, type GraphNode } from '../../../engine/graph/schema';
import { formatShape } from '../../../engine/shape';

/**
 * A headless editor for tests (after tldraw's TestEditor): drives the real store through commands and
 * shortcuts, with a fake system clipboard, and has assertions for shapes and history.
 */
export class TestEditor {
  readonly store: EditorStore;
  /** The fake system clipboard that copy/cut write and paste reads. */
  clipboard = '';
  /** UI actions triggered by shortcuts (fit view, minimap…), in order. */
  readonly uiActions: string[] = [];
  /** The reason of the last refused command. */
  lastRefusal: string | null = null;

  constructor(options: EditorStoreOptions = {}) {
    this.store = createEditorStore(options);
  }

  get state(): EditorState {
    return this.store.getState();
  }
  get doc(): GraphDoc {
    return this.state.doc;
  }
  get selected(): readonly string[] {
    return this.state.selection.nodes;
  }

  /** Dispatches a command; remembers a refusal's reason. */
  run<K extends CommandId>(id: K, ...args: ArgsParam<K>): DispatchResult<OutputOf<K>> {
    const result = this.store.dispatch(id, ...args);
    this.lastRefusal = result.ok ? null : result.reason;
    if (result.ok && (id === 'copy' || id === 'cut') && typeof result.output === 'string') this.clipboard = result.output;
    return result;
  }

  /** Dispatches a command that must succeed, and returns its output. */
  must<K extends CommandId>(id: K, ...args: ArgsParam<K>): OutputOf<K> {
    const result = this.run(id, ...args);
    if (!result.ok) throw new Error(`${id} was refused: ${result.reason}`);
    return result.output as OutputOf<K>;
  }

  /** Dispatches a command that must be refused, and returns the reason. */
  refused<K extends CommandId>(id: K, ...args: ArgsParam<K>): string {
    const before = this.state;
    const result = this.run(id, ...args);
    if (result.ok) throw new Error(`${id} was expected to be refused`);
    expect(this.state).toBe(before);
    return result.reason;
  }

  /** Adds a layer and returns its id. `after: true` appends after the selected layer. */
  add(type: string, params?: Record<string, unknown>, options: Omit<ArgsOf<'addNode'>, 'type' | 'params'> = {}): string {
    return this.must('addNode', { type, ...(params ? { params } : {}), ...options });
  }

  /** Appends layers one after another, starting after `from` (or the selection). Returns their ids. */
  chain(from: string | true, ...layers: [type: string, params?: Record<string, unknown>][]): string[] {
    const ids: string[] = [];
    let after: string | true = from;
    for (const [type, params] of layers) {
      const id = this.add(type, params, { after });
      ids.push(id);
      after = id;
    }
    return ids;
  }

  connect(source: string, target: string, handles: { sourceHandle?: string; targetHandle?: string } = {}): DispatchResult<string> {
    return this.run('connect', { source, target, ...handles });
  }

  select(...ids: string[]): this {
    this.must('selectNodes', { nodes: ids });
    return this;
  }

  undo(times = 1): this {
    for (let i = 0; i < times; i++) this.must('undo');
    return this;
  }

  redo(times = 1): this {
    for (let i = 0; i < times; i++) this.must('redo');
    return this;
  }

  undoAll(): number {
    let n = 0;
    while (this.state.history.canUndo) {
      this.must('undo');
      n++;
    }
    return n;
  }

  redoAll(): number {
    let n = 0;
    while (this.state.history.canRedo) {
      this.must('redo');
      n++;
    }
    return n;
  }

  /**
   * Presses a key combination (`Mod+Z`, `Shift+Mod+Z`, `Delete`, `L`…) as the UI would: matches it,
   * then runs the command with the arguments the UI supplies (clipboard text for paste).
   */
  press(combo: string, platform?: Platform): ShortcutAction | null {
    const action = matchShortcut(keyEvent(combo, platform), platform ? { platform } : {});
    if (action === null) return null;
    if (isUiAction(action)) {
      this.uiActions.push(action);
      return action;
    }
    if (action === 'paste') this.run('paste', { text: this.clipboard });
    else (this.run as (id: CommandId, args?: unknown) => unknown)(action);
    return action;
  }

  node(id: string): GraphNode {
    const node = this.doc.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`no node ${id}`);
    return node;
  }

  result(id: string): NodeAnalysis {
    const result = this.state.analysis.nodes[id];
    if (!result) throw new Error(`no analysis for ${id}`);
    return result;
  }

  /** The node's first output shape as Keras prints it, `?` when unknown. */
  shape(id: string): string {
    return formatShape(this.state.analysis.nodes[id]?.outputShapes?.[0]);
  }

  expectShapes(expected: Record<string, string>): void {
    const actual = Object.fromEntries(Object.keys(expected).map((id) => [id, this.shape(id)]));
    expect(actual).toEqual(expected);
  }

  /** The document still satisfies the graph schema (every command must keep it loadable). */
  expectValidDoc(): void {
    const parsed = GraphDocSchema.safeParse(this.doc);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  }

  edgesBetween(source: string, target: string) {
    return this.doc.edges.filter((e) => e.source === source && e.target === target);
  }
}

/** A key event for a combination such as `Mod+Shift+Z` (`Mod` is Cmd on a Mac, Ctrl elsewhere). */
export function keyEvent(combo: string, platform: Platform = 'other'): KeyEventLike {
  const parts = combo.split('+');
  const key = parts.pop() ?? '';
  return {
    key,
    ctrlKey: parts.includes('Ctrl') || (parts.includes('Mod') && platform === 'other'),
    metaKey: parts.includes('Mod') && platform === 'mac',
    shiftKey: parts.includes('Shift') || key === '?',
    altKey: parts.includes('Alt'),
  };
}
