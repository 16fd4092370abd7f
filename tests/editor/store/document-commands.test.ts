import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { COMMANDS, type CommandId } from '../../../components/editor/store/commands';
import { createEditorState } from '../../../components/editor/store/editor-state';
import { createEditorStore, type DispatchResult } from '../../../components/editor/store/editor-store';
import { type ElkLike, elkLayout, layeredLayout } from '../../../engine/import/layout';
import { templateGraph } from '../../../engine/templates';
import { TestEditor } from './test-editor';

describe('selection commands', () => {
  it('selectAll, selectNodes (replace, add, toggle, remove) and clearSelection never make undo entries', () => {
    const ed = new TestEditor({ doc: templateGraph('mlp') });
    const ids = ed.doc.nodes.map((n) => n.id);
    const [a, b, c] = ids as [string, string, string];
    ed.must('selectAll');
    expect(ed.state.selection).toEqual({ nodes: ids, edges: ed.doc.edges.map((e) => e.id) });
    ed.must('selectNodes', { nodes: [a] });
    expect(ed.selected).toEqual([a]);
    ed.must('selectNodes', { nodes: [b, a], mode: 'add' });
    expect(ed.selected).toEqual([a, b]);
    ed.must('selectNodes', { nodes: [a, c], mode: 'toggle' });
    expect(ed.selected).toEqual([b, c]);
    ed.must('selectNodes', { nodes: [b], mode: 'remove' });
    expect(ed.selected).toEqual([c]);
    ed.must('selectNodes', { nodes: ['ghost', c, c] });
    expect(ed.selected).toEqual([c]);
    ed.must('clearSelection');
    expect(ed.state.selection).toEqual({ nodes: [], edges: [] });
    expect(ed.store.canRun('clearSelection')).toBe(false);
    expect(ed.state.history.canUndo).toBe(false);
    expect(ed.state.dirty).toBe(false);
  });

  it('selectAll is unavailable on an empty canvas', () => {
    const ed = new TestEditor();
    expect(ed.store.canRun('selectAll')).toBe(false);
  });
});

describe('autoLayout', () => {
  it('lays out with layeredLayout by default, taking only positions', () => {
    const ed = new TestEditor({ doc: templateGraph('lenet5') });
    const ids = ed.doc.nodes.map((n) => n.id);
    ed.must('moveNodes', { positions: Object.fromEntries(ids.map((id, i) => [id, { x: i * 7, y: -i }])) });
    ed.must('autoLayout');
    expect(ed.doc).toEqual(layeredLayout(ed.doc));
    expect(ed.node('input_1').position).toEqual({ x: 0, y: 0 });
    expect(ed.node('dense_3').position).toEqual({ x: 0, y: 8 * 134 });
    const state = ed.state;
    ed.must('autoLayout');
    expect(ed.state).toBe(state);
  });

  it('applies positions computed by elk elsewhere, keeping edits made meanwhile', async () => {
    const ed = new TestEditor({ doc: templateGraph('resnet-small') });
    const snapshot = ed.doc;
    const pending = elkLayout(snapshot, new ELK() as unknown as ElkLike);
    ed.must('updateParams', { nodeId: ed.doc.nodes[1]?.id as string, patch: { filters: 3 } });
    const laid = await pending;
    ed.must('autoLayout', { positions: Object.fromEntries(laid.nodes.map((n) => [n.id, n.position])) });
    expect(ed.doc.nodes.map((n) => n.position)).toEqual(laid.nodes.map((n) => n.position));
    expect(ed.doc.nodes[1]?.params.filters).toBe(3);
    expect(ed.refused('autoLayout', { positions: { input_1: { x: Number.NaN, y: 0 } } })).toMatch(/not finite/);
  });

  it('takes any synchronous layout function and is unavailable on an empty canvas', () => {
    const ed = new TestEditor({ doc: templateGraph('mlp') });
    ed.must('autoLayout', { layout: (doc) => ({ ...doc, nodes: doc.nodes.map((n, i) => ({ ...n, position: { x: i, y: i } })) }) });
    expect(ed.doc.nodes.map((n) => n.position.x)).toEqual(ed.doc.nodes.map((_, i) => i));
    expect(new TestEditor().refused('autoLayout')).toBe('There is nothing to lay out.');
  });
});

describe('setTraining', () => {
  it('merges valid settings, resets with undefined, and refuses invalid ones', () => {
    const ed = new TestEditor({ doc: templateGraph('lenet5') });
    ed.must('setTraining', { patch: { optimizer: 'sgd', learningRate: 0.01 } });
    expect(ed.doc.training).toEqual({ loss: 'categoricalCrossentropy', epochs: 5, batchSize: 64, optimizer: 'sgd', learningRate: 0.01 });
    for (const epochs of [1, 12, 120]) ed.must('setTraining', { patch: { epochs } });
    expect(ed.state.history.undoLabel).toBe('Change training settings');
    ed.undo();
    expect(ed.doc.training?.epochs).toBe(5);
    expect(ed.refused('setTraining', { patch: { learningRate: -1 } })).toMatch(/^Training setting "learningRate" is not valid: /);
    expect(ed.refused('setTraining', { patch: { optimizer: 'magic' as 'adam' } })).toMatch(/"optimizer"/);
    ed.must('setTraining', {
      patch: { optimizer: undefined, learningRate: undefined, loss: undefined, epochs: undefined, batchSize: undefined },
    });
    expect('training' in ed.doc).toBe(false);
    ed.expectValidDoc();
  });
});

describe('every command', () => {
  it('is refused (or does nothing) whenever canRun says it cannot run', () => {
    const states = [createEditorState(), createEditorState(templateGraph('lenet5'))];
    const args: Record<CommandId, unknown[]> = {
      undo: [{}],
      redo: [{}],
      addNode: [{ type: 'nope' }, { type: 'dense', after: 'ghost' }],
      deleteSelection: [{}],
      moveNodes: [{ delta: { x: 1, y: 1 } }, { positions: {} }],
      connect: [
        { source: 'input_1', target: 'input_1' },
        { source: 'dense_3', target: 'input_1' },
      ],
      disconnect: [{}, { edges: ['ghost'] }],
      updateParams: [{ nodeId: 'ghost', patch: {} }],
      renameNode: [{ nodeId: 'ghost', name: 'x' }],
      setTrainable: [{ trainable: false }, { groupId: 'ghost', trainable: false }],
      freezeUpTo: [{}, { nodeId: 'ghost' }],
      cutAfter: [{}, { nodeId: 'ghost' }],
      replaceHead: [{ classes: 3 }],
      duplicateSelection: [{}],
      copy: [{}],
      cut: [{}],
      paste: [{ text: '' }],
      selectAll: [{}],
      selectNodes: [],
      clearSelection: [{}],
      group: [{}],
      ungroup: [{}],
      toggleGroupCollapsed: [{ groupId: 'ghost' }],
      renameGroup: [{ groupId: 'ghost', name: 'x' }],
      autoLayout: [{}],
      foldColumns: [{}],
      setTraining: [{ patch: { epochs: 0 } }],
      replaceDocument: [{ doc: null }],
      markSaved: [],
    };
    let refusals = 0;
    for (const state of states) {
      for (const [id, cases] of Object.entries(args) as [CommandId, unknown[]][]) {
        const command = COMMANDS[id] as unknown as {
          canRun(s: typeof state, a: unknown): boolean;
          perform(s: typeof state, a: unknown): { ok?: boolean };
        };
        for (const a of cases) {
          if (command.canRun(state, a)) continue;
          const outcome = command.perform(state, a);
          if (outcome.ok !== false) {
            expect(outcome, `${id} ${JSON.stringify(a)}`).toEqual({ undoable: false });
            continue;
          }
          expect(outcome, `${id} ${JSON.stringify(a)}`).toMatchObject({ ok: false, reason: expect.any(String) });
          refusals++;
        }
      }
    }
    expect(refusals).toBeGreaterThan(30);
  });

  it('has a label and, if it has shortcuts, well-formed ones', () => {
    for (const command of Object.values(COMMANDS)) {
      expect(command.label.length).toBeGreaterThan(0);
      for (const combo of command.shortcut ?? []) expect(combo).toMatch(/^((Mod|Ctrl|Shift|Alt)\+)*([A-Z?]|Delete|Backspace|Escape)$/);
    }
  });
});

describe('typed dispatch', () => {
  it("knows each command's arguments and output", () => {
    const store = createEditorStore();
    expectTypeOf(store.dispatch('copy')).toEqualTypeOf<DispatchResult<string>>();
    expectTypeOf(store.dispatch('paste', { text: '' })).toEqualTypeOf<DispatchResult<string[]>>();
    expectTypeOf(store.dispatch('addNode', { type: 'dense' })).toEqualTypeOf<DispatchResult<string>>();
    expectTypeOf(store.dispatch('undo')).toEqualTypeOf<DispatchResult<undefined>>();
    // @ts-expect-error connect needs its endpoints
    store.dispatch('connect');
    // @ts-expect-error unknown command
    store.dispatch('explode');
  });
});
