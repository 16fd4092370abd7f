import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../../components/editor/store/editor-store';
import { keepSettings, withEditorSettings } from '../../../components/training/keep-settings';
import type { GraphDoc } from '../../../engine/graph/schema';
import { templateGraph } from '../../../engine/templates';

function mlp(): GraphDoc {
  const doc = templateGraph('mlp');
  if (!doc) throw new Error('no mlp template');
  return doc;
}

describe("the Train tab's kept settings are an editor edit", () => {
  it('go into the document as one undoable change, marked unsaved, and undo and redo like any edit', () => {
    const saved = mlp();
    const store = createEditorStore({ doc: saved });
    const result = keepSettings(store, { epochs: 2, batchSize: 16, learningRate: undefined });
    expect(result).toEqual({ ok: true, changed: true });
    const state = store.getState();
    expect(state.doc.training).toEqual({ ...(saved.training ?? {}), epochs: 2, batchSize: 16 });
    expect(state.dirty).toBe(true);
    expect(state.history).toMatchObject({ canUndo: true, undoLabel: 'Change training settings' });
    // The layers are untouched: only the settings changed.
    expect(state.doc.nodes).toBe(saved.nodes);

    store.dispatch('undo');
    expect(store.getState().doc).toEqual(saved);
    expect(store.getState().dirty).toBe(false);
    store.dispatch('redo');
    expect(store.getState().doc.training).toMatchObject({ epochs: 2, batchSize: 16 });
    expect(store.getState().dirty).toBe(true);
  });

  it('two keeps of the same settings are two undo steps, and an edit on the canvas in between stays its own', () => {
    const store = createEditorStore({ doc: mlp() });
    keepSettings(store, { epochs: 3 });
    const first = store.getState().doc;
    store.dispatch('renameNode', { nodeId: first.nodes[1]?.id ?? '', name: 'hidden' });
    keepSettings(store, { epochs: 4 });
    expect(store.historyDepth().undo).toBe(3);
    store.dispatch('undo');
    expect(store.getState().doc.training?.epochs).toBe(3);
    expect(store.getState().doc.nodes[1]?.name).toBe('hidden');
    store.dispatch('undo');
    store.dispatch('undo');
    expect(store.getState().doc).toEqual(mlp());
  });

  it('refuses an invalid setting with the field named, changing nothing', () => {
    const store = createEditorStore({ doc: mlp() });
    const before = store.getState();
    const result = keepSettings(store, { epochs: 0 });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('"epochs"') });
    expect(store.getState()).toBe(before);
  });

  it('the form starts from the editor’s settings on the newest version, kept ones included', () => {
    const saved = mlp();
    const store = createEditorStore({ doc: saved });
    expect(withEditorSettings(saved, store.getState().doc)).toBe(saved);
    keepSettings(store, { epochs: 7 });
    expect(withEditorSettings(saved, store.getState().doc).training).toMatchObject({ epochs: 7 });
    expect(withEditorSettings(saved, store.getState().doc).nodes).toBe(saved.nodes);
  });
});
