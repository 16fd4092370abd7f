import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEditorStore, type EditorStore } from '@/components/editor/store';
import { applyChanges } from '@/engine/graph/apply-changes';
import { canonicalJson } from '@/engine/graph/canonical-json';
import { changesBetween } from '@/engine/graph/changes-between';
import { templateGraph } from '@/engine/templates';
import { bindRoom } from '@/live/room-binding';
import { readRoomGraph, seedRoom, writeChanges } from '@/live/room-doc';

/** Two editors, each with its own copy of the room, and a wire between the copies that can be cut. */
function pair() {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  const start = templateGraph('lenet5');
  if (!start) throw new Error('no template');
  seedRoom(docA, start);
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
  const a = createEditorStore({ doc: start });
  const b = createEditorStore({ doc: start });
  bindRoom(a, docA).pull();
  bindRoom(b, docB).pull();
  let connected = true;
  const queue: [Y.Doc, Uint8Array][] = [];
  docA.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && queue.push([docB, u]));
  docB.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && queue.push([docA, u]));
  const flush = () => {
    if (!connected) return;
    while (queue.length) {
      const [to, u] = queue.shift() as [Y.Doc, Uint8Array];
      Y.applyUpdate(to, u, 'wire');
    }
  };
  const cut = () => {
    connected = false;
  };
  const join = () => {
    connected = true;
    flush();
  };
  return { a, b, docA, docB, flush, cut, join };
}

const graphOf = (store: EditorStore) => canonicalJson(store.getState().doc);
const firstDense = (store: EditorStore) => store.getState().doc.nodes.find((n) => n.type === 'dense')?.id as string;

describe('live room binding', () => {
  it('carries an edit from one editor to the other', () => {
    const { a, b, flush } = pair();
    const before = b.getState().doc.nodes.length;
    a.dispatch('addNode', { type: 'dense', params: { units: 7 } });
    flush();
    expect(b.getState().doc.nodes.length).toBe(before + 1);
    expect(graphOf(b)).toBe(graphOf(a));
  });

  it('converges on conflicting edits made at the same moment', () => {
    const { a, b, flush } = pair();
    const id = firstDense(a);
    a.dispatch('updateParams', { nodeId: id, patch: { units: 11 } });
    b.dispatch('updateParams', { nodeId: id, patch: { units: 22 } });
    b.dispatch('renameNode', { nodeId: id, name: 'head' });
    flush();
    expect(graphOf(a)).toBe(graphOf(b));
    const node = a.getState().doc.nodes.find((n) => n.id === id);
    expect([11, 22]).toContain(node?.params.units);
    expect(node?.name).toBe('head');
  });

  it('undo reverts only the own edit, not the co-editor’s', () => {
    const { a, b, flush } = pair();
    const id = firstDense(a);
    const original = a.getState().doc.nodes.find((n) => n.id === id)?.name;
    a.dispatch('renameNode', { nodeId: id, name: 'from-a' });
    flush();
    b.dispatch('updateParams', { nodeId: id, patch: { units: 33 } });
    flush();
    expect(a.historyDepth().undo).toBe(1);
    a.dispatch('undo');
    flush();
    const nodeB = b.getState().doc.nodes.find((n) => n.id === id);
    expect(nodeB?.name).toBe(original);
    expect(nodeB?.params.units).toBe(33);
    expect(graphOf(a)).toBe(graphOf(b));
  });

  it('keeps edits made offline and merges them on reconnect', () => {
    const { a, b, flush, cut, join } = pair();
    cut();
    a.dispatch('addNode', { type: 'dense', params: { units: 5 } });
    b.dispatch('addNode', { type: 'dropout', params: { rate: 0.3 } });
    flush();
    expect(graphOf(a)).not.toBe(graphOf(b));
    join();
    expect(graphOf(a)).toBe(graphOf(b));
    const types = a.getState().doc.nodes.map((n) => n.type);
    expect(types).toContain('dropout');
  });

  it('drops a connection to a layer removed meanwhile, so both hold a valid graph', () => {
    const { a, b, docA, flush } = pair();
    const nodes = a.getState().doc.nodes;
    const extra = a.dispatch('addNode', { type: 'dense', params: { units: 3 } });
    flush();
    const newId = (extra as { output: string }).output;
    b.dispatch('connect', { source: nodes[0]?.id as string, target: newId });
    a.dispatch('selectNodes', { nodes: [newId] });
    a.dispatch('deleteSelection');
    flush();
    expect(graphOf(a)).toBe(graphOf(b));
    expect(readRoomGraph(docA).ok).toBe(true);
    expect(a.getState().doc.edges.some((e) => e.target === newId)).toBe(false);
  });

  it('writes and reads back any change list (changesBetween round trip)', () => {
    const start = templateGraph('lenet5');
    const other = templateGraph('mlp');
    if (!start || !other) throw new Error('no template');
    const ydoc = new Y.Doc();
    seedRoom(ydoc, start);
    writeChanges(ydoc, changesBetween(start, other));
    const read = readRoomGraph(ydoc);
    expect(read.ok && canonicalJson({ ...read.doc, edges: [] })).toBe(
      canonicalJson({ ...applyChanges(start, changesBetween(start, other)), edges: [] }),
    );
  });
});
