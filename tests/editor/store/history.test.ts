import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../../components/editor/store/editor-store';
import { templateGraph } from '../../../engine/templates';
import { TestEditor } from './test-editor';

describe('undo and redo', () => {
  it('walk back and forth across a mixed sequence of commands, restoring the selection', () => {
    const ed = new TestEditor();
    const docs = [ed.doc];
    const x = ed.add('input', { shape: [8] });
    docs.push(ed.doc);
    const [d] = ed.chain(x, ['dense', { units: 4 }]) as [string];
    docs.push(ed.doc);
    ed.must('updateParams', { nodeId: d, patch: { units: 5 } });
    docs.push(ed.doc);
    ed.select(x, d);
    ed.must('group', { name: 'All' });
    docs.push(ed.doc);
    ed.must('duplicateSelection');
    docs.push(ed.doc);
    ed.must('deleteSelection');
    docs.push(ed.doc);
    ed.must('moveNodes', { positions: { [x]: { x: 500, y: 500 } } });
    docs.push(ed.doc);
    ed.must('autoLayout');
    docs.push(ed.doc);

    expect(ed.state.history).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Auto-layout' });
    for (let i = docs.length - 2; i >= 0; i--) {
      ed.undo();
      expect(ed.doc).toEqual(docs[i]);
    }
    expect(ed.state.history).toEqual({ canUndo: false, canRedo: true, redoLabel: 'Add layer' });
    expect(ed.refused('undo')).toBe('There is nothing to undo.');
    for (let i = 1; i < docs.length; i++) {
      ed.redo();
      expect(ed.doc).toEqual(docs[i]);
    }
    expect(ed.refused('redo')).toBe('There is nothing to redo.');
  });

  it('restores the selection of the time of the change', () => {
    const ed = new TestEditor();
    const x = ed.add('input');
    const d = ed.add('dense');
    ed.select(x, d);
    ed.must('deleteSelection');
    ed.must('selectAll');
    ed.undo();
    expect(ed.selected).toEqual([x, d]);
    ed.redo();
    expect(ed.selected).toEqual([]);
  });

  it('a new change clears the redo stack', () => {
    const ed = new TestEditor();
    ed.add('input');
    ed.add('dense');
    ed.undo();
    expect(ed.state.history.canRedo).toBe(true);
    ed.add('flatten');
    expect(ed.state.history.canRedo).toBe(false);
  });

  it('selection changes, undo and seal() end a coalescing run', () => {
    const ed = new TestEditor();
    const d = ed.add('dense');
    const depth = () => ed.store.historyDepth().undo;
    const start = depth();
    ed.must('updateParams', { nodeId: d, patch: { units: 1 } });
    ed.must('updateParams', { nodeId: d, patch: { units: 2 } });
    expect(depth()).toBe(start + 1);
    ed.must('selectNodes', { nodes: [] });
    ed.must('updateParams', { nodeId: d, patch: { units: 3 } });
    expect(depth()).toBe(start + 2);
    ed.store.seal();
    ed.must('updateParams', { nodeId: d, patch: { units: 4 } });
    expect(depth()).toBe(start + 3);
    ed.undo();
    ed.must('updateParams', { nodeId: d, patch: { units: 5 } });
    expect(depth()).toBe(start + 3);
    // A no-op (same selection) does not break the run.
    ed.must('selectNodes', { nodes: [] });
    ed.must('updateParams', { nodeId: d, patch: { units: 6 } });
    expect(depth()).toBe(start + 3);
  });

  it('keeps at most historyLimit entries, dropping the oldest', () => {
    const ed = new TestEditor({ historyLimit: 3 });
    for (let i = 0; i < 6; i++) ed.add('dense');
    expect(ed.store.historyDepth()).toEqual({ undo: 3, redo: 0 });
    expect(ed.undoAll()).toBe(3);
    expect(ed.doc.nodes).toHaveLength(3);
  });

  it('notifies subscribers once per change and never for no-ops or refusals', () => {
    const store = createEditorStore();
    const seen: number[] = [];
    const stop = store.subscribe((state, previous) => seen.push(state.doc.nodes.length - previous.doc.nodes.length));
    store.dispatch('addNode', { type: 'dense' });
    store.dispatch('clearSelection');
    store.dispatch('clearSelection');
    store.dispatch('connect', { source: 'a', target: 'b' });
    store.dispatch('undo');
    stop();
    store.dispatch('redo');
    expect(seen).toEqual([1, 0, -1]);
  });

  it('refuses unknown command ids and reports commands that throw', () => {
    const store = createEditorStore();
    const dispatch = store.dispatch as (id: string, args?: unknown) => unknown;
    expect(dispatch('explode')).toEqual({ ok: false, reason: 'There is no command "explode".' });
    expect(dispatch('moveNodes', { positions: null })).toMatchObject({ ok: false, reason: expect.stringMatching(/^Move failed:/) });
    expect((store.canRun as (id: string) => boolean)('explode')).toBe(false);
  });
});

describe('unsaved-changes marker', () => {
  it('keeps edits made while a save was under way unsaved when the sent document is marked saved', () => {
    const ed = new TestEditor({ doc: templateGraph('lenet5') });
    ed.must('updateParams', { nodeId: 'dense_1', patch: { units: 100 } });
    const sent = ed.doc;
    ed.must('updateParams', { nodeId: 'dense_2', patch: { units: 50 } });
    ed.must('markSaved', { doc: sent });
    expect(ed.state.dirty).toBe(true);
    ed.undo();
    expect(ed.state.dirty).toBe(false);
    expect(ed.state.history.canUndo).toBe(true);
  });

  it('is on after an edit, off again when undone to the saved content, and off after markSaved', () => {
    const ed = new TestEditor({ doc: templateGraph('lenet5') });
    expect(ed.state.dirty).toBe(false);
    ed.must('updateParams', { nodeId: 'dense_1', patch: { units: 100 } });
    expect(ed.state.dirty).toBe(true);
    ed.undo();
    expect(ed.state.dirty).toBe(false);
    ed.redo();
    ed.must('markSaved');
    expect(ed.state.dirty).toBe(false);
    // Same content reached by another path also counts as saved.
    ed.must('updateParams', { nodeId: 'dense_1', patch: { units: 120 } });
    expect(ed.state.dirty).toBe(true);
    ed.must('updateParams', { nodeId: 'dense_1', patch: { units: 100 } });
    expect(ed.state.dirty).toBe(false);
    // Selection never makes a document dirty; a move does, and moving back undoes that.
    ed.must('selectAll');
    expect(ed.state.dirty).toBe(false);
    const at = ed.node('input_1').position;
    ed.must('moveNodes', { positions: { input_1: { x: 5, y: 5 } } });
    expect(ed.state.dirty).toBe(true);
    ed.must('moveNodes', { positions: { input_1: at } });
    expect(ed.state.dirty).toBe(false);
  });

  it('moves and regrouping reuse the analysis; edits that matter re-run it', () => {
    const ed = new TestEditor({ doc: templateGraph('lenet5') });
    const analysis = ed.state.analysis;
    ed.must('moveNodes', { positions: { input_1: { x: 5, y: 5 } } });
    ed.select('conv2d_1', 'maxPooling2d_1');
    const g = ed.must('group');
    ed.must('toggleGroupCollapsed', { groupId: g });
    expect(ed.state.analysis).toBe(analysis);
    ed.must('renameNode', { nodeId: 'conv2d_1', name: 'features' });
    expect(ed.state.analysis).not.toBe(analysis);
    expect(ed.result('conv2d_1').layerName).toBe('features');
  });

  it('a document that was never saved starts dirty', () => {
    const ed = new TestEditor({ doc: templateGraph('mlp'), saved: false });
    expect(ed.state.savedHash).toBeNull();
    expect(ed.state.dirty).toBe(true);
    ed.must('markSaved');
    expect(ed.state.dirty).toBe(false);
  });
});

describe('replaceDocument', () => {
  it('opening a version clears the history and counts as saved: undo never goes back past a load', () => {
    const ed = new TestEditor();
    ed.add('dense');
    const migrated = ed.must('replaceDocument', { doc: JSON.stringify(templateGraph('lenet5')) });
    expect(migrated).toEqual([]);
    expect(ed.doc.nodes).toHaveLength(9);
    expect(ed.state.history).toEqual({ canUndo: false, canRedo: false });
    expect(ed.state.dirty).toBe(false);
    expect(ed.selected).toEqual([]);
  });

  it('importing (template, model file, recovered draft) is an undoable edit that leaves unsaved changes', () => {
    const ed = new TestEditor({ doc: templateGraph('mlp') });
    const before = ed.doc;
    ed.must('replaceDocument', { doc: templateGraph('lenet5'), mode: 'import' });
    expect(ed.state.dirty).toBe(true);
    expect(ed.state.history.undoLabel).toBe('Replace document');
    ed.undo();
    expect(ed.doc).toEqual(before);
    expect(ed.state.dirty).toBe(false);
  });

  it('merges replacements typed in the JSON view (same coalesce key) into one undo entry', () => {
    const ed = new TestEditor({ doc: templateGraph('mlp') });
    const before = ed.doc;
    const depth = ed.store.historyDepth().undo;
    for (const units of [16, 32, 64]) {
      const doc = structuredClone(ed.doc);
      (doc.nodes[1] as { params: Record<string, unknown> }).params.units = units;
      ed.must('replaceDocument', { doc, mode: 'import', coalesceKey: 'json' });
    }
    expect(ed.store.historyDepth().undo).toBe(depth + 1);
    ed.undo();
    expect(ed.doc).toEqual(before);
  });

  it('refuses documents that do not parse, with the parser problem', () => {
    const ed = new TestEditor();
    expect(ed.refused('replaceDocument', { doc: '{"format":"other"}' })).toMatch(
      /^This is not a graph NetCanvas can open: Expected "format"/,
    );
    expect(ed.refused('replaceDocument', { doc: { format: 'netcanvas.graph', version: 99, nodes: [], edges: [] } })).toMatch(/newer/);
    expect(ed.store.canRun('replaceDocument', { doc: 'nope' })).toBe(false);
  });
});
