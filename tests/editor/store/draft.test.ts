import { describe, expect, it } from 'vitest';
import { connectDraft, type DraftStorage, draftKey, readDraft, recoverDraft, writeDraft } from '../../../components/editor/store/draft';
import { emptyGraph } from '../../../engine/graph/schema';
import { templateGraph } from '../../../engine/templates';
import { TestEditor } from './test-editor';

/** In-memory storage with the localStorage interface. */
class MemoryStorage implements DraftStorage {
  readonly map = new Map<string, string>();
  failWrites = false;
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

const KEY = draftKey('project-1');
const lenet = () => templateGraph('lenet5')!;
const edited = () => {
  const doc = lenet();
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === 'dense_1' ? { ...n, params: { ...n.params, units: 99 } } : n)) };
};

describe('draft storage', () => {
  it('writes and reads back a draft (document, base version, time)', () => {
    const storage = new MemoryStorage();
    expect(writeDraft(storage, KEY, { doc: edited(), baseVersion: 3, savedAt: 1000 })).toBe(true);
    expect(JSON.parse(storage.getItem(KEY) ?? '')).toMatchObject({ format: 'netcanvas.draft', version: 1, baseVersion: 3 });
    expect(readDraft(storage, KEY)).toEqual({ doc: edited(), baseVersion: 3, savedAt: 1000 });
    expect(readDraft(storage, draftKey('other'))).toBeNull();
  });

  it('reports storage that refuses the write instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    expect(writeDraft(storage, KEY, { doc: edited(), baseVersion: 3, savedAt: 1000 })).toBe(false);
  });

  it.each([
    ['not json', '{'],
    ['another format', JSON.stringify({ format: 'x', version: 1 })],
    ['a bad base version', JSON.stringify({ format: 'netcanvas.draft', version: 1, baseVersion: 'x', savedAt: 1, doc: emptyGraph() })],
    ['a broken document', JSON.stringify({ format: 'netcanvas.draft', version: 1, baseVersion: 1, savedAt: 1, doc: { nodes: 1 } })],
  ])('treats %s as malformed', (_what, text) => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, text);
    expect(readDraft(storage, KEY)).toBe('malformed');
    expect(recoverDraft(storage, KEY, { number: 1, doc: lenet() })).toEqual({ kind: 'dropped', reason: 'malformed' });
    expect(storage.map.size).toBe(0);
  });
});

describe('recoverDraft', () => {
  const saved = { number: 3, doc: lenet(), savedAt: 5000 };

  it('offers back a draft made on top of the saved version', () => {
    const storage = new MemoryStorage();
    writeDraft(storage, KEY, { doc: edited(), baseVersion: 3, savedAt: 6000 });
    expect(recoverDraft(storage, KEY, saved)).toEqual({
      kind: 'offer',
      draft: { doc: edited(), baseVersion: 3, savedAt: 6000 },
      conflict: false,
    });
    expect(storage.map.size).toBe(1);
  });

  it('drops a draft whose content equals the saved version', () => {
    const storage = new MemoryStorage();
    // Same content, different key order and object identity.
    const same = { ...lenet(), nodes: lenet().nodes.map(({ position, ...rest }) => ({ position, ...rest })) };
    writeDraft(storage, KEY, { doc: same, baseVersion: 2, savedAt: 9000 });
    expect(recoverDraft(storage, KEY, saved)).toEqual({ kind: 'dropped', reason: 'same-as-saved' });
    expect(storage.map.size).toBe(0);
  });

  it('offers a draft written after a newer version was saved, flagged as a conflict (a refused save)', () => {
    const storage = new MemoryStorage();
    writeDraft(storage, KEY, { doc: edited(), baseVersion: 2, savedAt: 6000 });
    expect(recoverDraft(storage, KEY, saved)).toMatchObject({ kind: 'offer', conflict: true });
  });

  it('drops a draft older than the saved version it predates', () => {
    const storage = new MemoryStorage();
    writeDraft(storage, KEY, { doc: edited(), baseVersion: 2, savedAt: 4000 });
    expect(recoverDraft(storage, KEY, saved)).toEqual({ kind: 'dropped', reason: 'older-than-saved' });
    expect(storage.map.size).toBe(0);
  });

  it('for a project never saved: offers any non-empty draft, drops an empty one', () => {
    const storage = new MemoryStorage();
    expect(recoverDraft(storage, KEY, null)).toEqual({ kind: 'none' });
    writeDraft(storage, KEY, { doc: edited(), baseVersion: null, savedAt: 1 });
    expect(recoverDraft(storage, KEY, null)).toMatchObject({ kind: 'offer', conflict: false });
    writeDraft(storage, KEY, { doc: emptyGraph(), baseVersion: null, savedAt: 1 });
    expect(recoverDraft(storage, KEY, null)).toEqual({ kind: 'dropped', reason: 'same-as-saved' });
  });
});

describe('connectDraft', () => {
  it('writes the document while there are unsaved changes and removes the draft once saved or undone', () => {
    const storage = new MemoryStorage();
    const ed = new TestEditor({ doc: lenet() });
    let version = 3;
    let clock = 100;
    const connection = connectDraft(ed.store, storage, KEY, { baseVersion: () => version, delayMs: 0, now: () => clock });
    ed.must('selectAll');
    expect(storage.map.size).toBe(0);
    ed.must('updateParams', { nodeId: 'dense_1', patch: { units: 99 } });
    expect(readDraft(storage, KEY)).toEqual({ doc: ed.doc, baseVersion: 3, savedAt: 100 });
    ed.undo();
    expect(storage.map.size).toBe(0);
    ed.redo();
    clock = 200;
    ed.must('renameNode', { nodeId: 'dense_1', name: 'hidden' });
    expect(readDraft(storage, KEY)).toMatchObject({ savedAt: 200 });
    version = 4;
    ed.must('markSaved');
    expect(storage.map.size).toBe(0);
    connection.dispose();
    ed.must('renameNode', { nodeId: 'dense_1', name: 'other' });
    expect(storage.map.size).toBe(0);
  });

  it('debounces writes and flushes on demand (page hide)', () => {
    const storage = new MemoryStorage();
    const ed = new TestEditor({ doc: lenet() });
    const timers: (() => void)[] = [];
    const connection = connectDraft(ed.store, storage, KEY, {
      baseVersion: () => 1,
      delayMs: 500,
      setTimer: (run) => timers.push(run) - 1,
      clearTimer: (i) => {
        timers[i as number] = () => {};
      },
    });
    for (const units of [1, 2, 3]) ed.must('updateParams', { nodeId: 'dense_1', patch: { units } });
    expect(storage.map.size).toBe(0);
    expect(timers).toHaveLength(3);
    for (const run of timers) run();
    expect((readDraft(storage, KEY) as { doc: typeof ed.doc }).doc.nodes.find((n) => n.id === 'dense_1')?.params.units).toBe(3);
    storage.map.clear();
    ed.must('updateParams', { nodeId: 'dense_1', patch: { units: 4 } });
    connection.flush();
    expect(storage.map.size).toBe(1);
    connection.dispose();
  });

  it('round trip: a crash mid-edit, then the draft is offered and restored as an undoable import', () => {
    const storage = new MemoryStorage();
    const before = new TestEditor({ doc: lenet() });
    connectDraft(before.store, storage, KEY, { baseVersion: () => 3, delayMs: 0, now: () => 6000 });
    before.add('dropout', { rate: 0.5 }, { after: 'dense_1' });
    // …the tab crashes; a new one opens the saved version and looks for a draft.
    const after = new TestEditor({ doc: lenet() });
    const recovery = recoverDraft(storage, KEY, { number: 3, doc: after.doc, savedAt: 5000 });
    if (recovery.kind !== 'offer') throw new Error('expected an offer');
    after.must('replaceDocument', { doc: recovery.draft.doc, mode: 'import' });
    expect(after.doc).toEqual(before.doc);
    expect(after.state.dirty).toBe(true);
    after.undo();
    expect(after.state.dirty).toBe(false);
  });
});
