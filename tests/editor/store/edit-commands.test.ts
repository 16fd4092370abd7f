import { describe, expect, it } from 'vitest';
import { TestEditor } from './test-editor';

/** Input → Dense(16) → Dense(4), built by commands. */
function mlp() {
  const ed = new TestEditor();
  const x = ed.add('input', { shape: [8] });
  const [h, y] = ed.chain(x, ['dense', { units: 16, activation: 'relu' }], ['dense', { units: 4 }]) as [string, string];
  return { ed, x, h, y };
}

describe('addNode', () => {
  it('adds a layer with empty params at a default position below the lowest one and selects it', () => {
    const ed = new TestEditor();
    const a = ed.add('input');
    expect(ed.node(a)).toEqual({ id: 'input_1', type: 'input', params: {}, position: { x: 0, y: 0 } });
    const b = ed.add('dense', { units: 3 }, { position: { x: 300, y: 50 }, name: 'head' });
    expect(ed.node(b)).toMatchObject({ id: 'dense_1', name: 'head', position: { x: 300, y: 50 }, params: { units: 3 } });
    const c = ed.add('dense');
    expect(c).toBe('dense_2');
    expect(ed.node(c).position).toEqual({ x: 300, y: 50 + 134 });
    expect(ed.selected).toEqual([c]);
    expect(ed.doc.edges).toEqual([]);
    ed.expectValidDoc();
  });

  it('appends after the selected layer, taking over its outgoing connections and shifting what is below', () => {
    const { ed, x, h, y } = mlp();
    const yBefore = ed.node(y).position.y;
    ed.select(x);
    const drop = ed.add('dropout', { rate: 0.2 }, { after: true });
    expect(ed.edgesBetween(x, drop)).toHaveLength(1);
    expect(ed.edgesBetween(drop, h)).toHaveLength(1);
    expect(ed.edgesBetween(x, h)).toHaveLength(0);
    expect(ed.node(drop).position).toEqual({ x: 0, y: ed.node(x).position.y + 134 });
    expect(ed.node(y).position.y).toBe(yBefore + 134);
    ed.expectShapes({ [drop]: '(None, 8)', [h]: '(None, 16)', [y]: '(None, 4)' });
    expect(ed.state.analysis.diagnostics).toEqual([]);
  });

  it('appends after an explicit node, and simply adds when the selection is not one layer', () => {
    const { ed, h, y } = mlp();
    const bn = ed.add('batchNormalization', {}, { after: h });
    expect(ed.edgesBetween(h, bn)).toHaveLength(1);
    expect(ed.edgesBetween(bn, y)).toHaveLength(1);
    ed.must('clearSelection');
    const loose = ed.add('dense', {}, { after: true });
    expect(ed.doc.edges.filter((e) => e.source === loose || e.target === loose)).toEqual([]);
  });

  it('refuses unknown types, unknown anchors and appends whose ranks do not fit', () => {
    const { ed, h } = mlp();
    expect(ed.refused('addNode', { type: 'conv9d' })).toMatch(/no layer type "conv9d"/);
    expect(ed.refused('addNode', { type: 'dense', after: 'nope' })).toMatch(/no layer "nope"/);
    expect(ed.refused('addNode', { type: 'lstm', after: h })).toMatch(/LSTM takes inputs with 2 dimensions per sample.*\(None, 16\)/);
    expect(ed.refused('addNode', { type: 'dense', params: { units: Number.NaN } })).toMatch(/plain JSON/);
    expect(ed.store.canRun('addNode', { type: 'conv9d' })).toBe(false);
  });

  it('adding an Input after a layer does not connect into it', () => {
    const { ed, y } = mlp();
    const second = ed.add('input', { shape: [3] }, { after: y });
    expect(ed.doc.edges.some((e) => e.target === second)).toBe(false);
  });
});

describe('deleteSelection', () => {
  it('deletes selected layers with their connections, and selected connections', () => {
    const { ed, x, h, y } = mlp();
    ed.select(h);
    ed.must('deleteSelection');
    expect(ed.doc.nodes.map((n) => n.id)).toEqual([x, y]);
    expect(ed.doc.edges).toEqual([]);
    expect(ed.selected).toEqual([]);
    ed.undo();
    expect(ed.doc.edges).toHaveLength(2);
    expect(ed.selected).toEqual([h]);
    const edge = ed.doc.edges[0]?.id as string;
    ed.must('selectNodes', { edges: [edge] });
    ed.must('deleteSelection');
    expect(ed.doc.nodes).toHaveLength(3);
    expect(ed.doc.edges.map((e) => e.id)).not.toContain(edge);
  });

  it('drops explicit outputs and emptied groups with the layers', () => {
    const { ed, h, y } = mlp();
    ed.must('replaceDocument', { doc: { ...ed.doc, outputs: [y, `${h}:0`] }, mode: 'import' });
    ed.select(h, y);
    ed.must('group', { name: 'Head' });
    ed.must('deleteSelection');
    expect(ed.doc.outputs).toEqual([]);
    expect(ed.doc.groups).toBeUndefined();
    ed.expectValidDoc();
  });

  it('is refused with nothing selected', () => {
    const { ed } = mlp();
    ed.must('clearSelection');
    expect(ed.store.canRun('deleteSelection')).toBe(false);
    expect(ed.refused('deleteSelection')).toMatch(/Select/);
  });
});

describe('moveNodes', () => {
  it('moves to absolute positions or by a delta (default: the selection)', () => {
    const { ed, x, h } = mlp();
    ed.must('moveNodes', { positions: { [x]: { x: 10, y: 20 } } });
    expect(ed.node(x).position).toEqual({ x: 10, y: 20 });
    ed.select(x, h);
    const hy = ed.node(h).position.y;
    ed.must('moveNodes', { delta: { x: 5, y: -5 } });
    expect(ed.node(x).position).toEqual({ x: 15, y: 15 });
    expect(ed.node(h).position).toEqual({ x: 5, y: hy - 5 });
  });

  it('merges one drag gesture into one undo entry and keeps the analysis', () => {
    const { ed, x } = mlp();
    const depth = ed.store.historyDepth().undo;
    const analysisNode = ed.result(x);
    for (let i = 1; i <= 20; i++) ed.must('moveNodes', { positions: { [x]: { x: i, y: i } }, gesture: 'drag-1' });
    expect(ed.store.historyDepth().undo).toBe(depth + 1);
    expect(ed.result(x)).toBe(analysisNode);
    ed.must('moveNodes', { positions: { [x]: { x: 99, y: 99 } }, gesture: 'drag-2' });
    expect(ed.store.historyDepth().undo).toBe(depth + 2);
    ed.undo();
    expect(ed.node(x).position).toEqual({ x: 20, y: 20 });
    ed.undo();
    expect(ed.node(x).position).toEqual({ x: 0, y: 0 });
  });

  it('a move to the same place changes nothing; non-finite positions are refused', () => {
    const { ed, x } = mlp();
    const before = ed.state;
    expect(ed.must('moveNodes', { positions: { [x]: { x: 0, y: 0 } } })).toBeUndefined();
    expect(ed.state).toBe(before);
    expect(ed.refused('moveNodes', { positions: { [x]: { x: Number.POSITIVE_INFINITY, y: 0 } } })).toMatch(/finite/);
    ed.must('clearSelection');
    expect(ed.refused('moveNodes', { delta: { x: 1, y: 1 } })).toMatch(/Select/);
  });
});

describe('connect and disconnect', () => {
  it('connects ports and returns the edge id; disconnect removes given or selected edges', () => {
    const ed = new TestEditor();
    const x = ed.add('input', { shape: [4] });
    const d = ed.add('dense', { units: 2 });
    const result = ed.connect(x, d);
    expect(result).toEqual({ ok: true, changed: true, output: 'input_1->dense_1' });
    ed.expectShapes({ [d]: '(None, 2)' });
    ed.must('disconnect', { edges: ['input_1->dense_1'] });
    expect(ed.doc.edges).toEqual([]);
    ed.connect(x, d);
    ed.must('selectNodes', { edges: ['input_1->dense_1'] });
    ed.must('disconnect');
    expect(ed.doc.edges).toEqual([]);
    expect(ed.refused('disconnect', { edges: ['nope'] })).toMatch(/Select the connections/);
  });
});

describe('updateParams', () => {
  it('merges a patch, resets fields set to undefined and re-analyses', () => {
    const { ed, h, y } = mlp();
    ed.must('updateParams', { nodeId: h, patch: { units: 32 } });
    expect(ed.node(h).params).toEqual({ units: 32, activation: 'relu' });
    ed.expectShapes({ [h]: '(None, 32)' });
    expect(ed.result(y).paramCount).toEqual({ trainable: 32 * 4 + 4, nonTrainable: 0 });
    ed.must('updateParams', { nodeId: h, patch: { activation: undefined } });
    expect(ed.node(h).params).toEqual({ units: 32 });
  });

  it('keeps the identity of untouched nodes and params, so the analysis reuses them', () => {
    const { ed, x, h, y } = mlp();
    const before = ed.doc;
    ed.must('updateParams', { nodeId: y, patch: { units: 7 } });
    expect(ed.node(x)).toBe(before.nodes[0]);
    expect(ed.node(h)).toBe(before.nodes[1]);
    expect(ed.node(h).params).toBe(before.nodes[1]?.params);
    expect(ed.state.analysis.stats).toEqual({ recomputed: 1, reused: 2 });
  });

  it('sets one nested field by its inspector path, coalescing per path', () => {
    const ed = new TestEditor();
    const x = ed.add('input', { shape: [10, 4] });
    const b = ed.add('bidirectional', {}, { after: x });
    const depth = ed.store.historyDepth().undo;
    for (const units of [1, 16]) ed.must('updateParams', { nodeId: b, path: 'layer.params.units', value: units });
    // The wrapped layer starts from the wrapper's default (an LSTM), so it stays complete.
    expect(ed.node(b).params).toEqual({ layer: { type: 'lstm', params: { units: 16 } } });
    expect(ed.store.historyDepth().undo).toBe(depth + 1);
    ed.expectShapes({ [b]: '(None, 32)' });
    ed.must('updateParams', { nodeId: b, path: 'layer.type', value: 'gru' });
    ed.must('updateParams', { nodeId: b, path: 'mergeMode', value: 'sum' });
    expect(ed.node(b).params).toEqual({ layer: { type: 'gru', params: { units: 16 } }, mergeMode: 'sum' });
    expect(ed.store.historyDepth().undo).toBe(depth + 3);
    ed.expectShapes({ [b]: '(None, 16)' });
    ed.must('updateParams', { nodeId: b, path: 'layer.params.units', value: undefined });
    expect(ed.node(b).params).toEqual({ layer: { type: 'gru', params: {} }, mergeMode: 'sum' });
    // A nested field of a penalty that was off (null) starts a fresh object.
    const d = ed.add('dense', {}, { after: x });
    ed.must('updateParams', { nodeId: d, path: 'kernelRegularizer.l2', value: 0.01 });
    expect(ed.node(d).params).toEqual({ kernelRegularizer: { l2: 0.01 } });
    expect(ed.state.analysis.diagnostics.filter((g) => g.nodeId === d && g.severity === 'error')).toEqual([]);
  });

  it('stores invalid values (the analysis flags them) but only JSON', () => {
    const { ed, h } = mlp();
    ed.must('updateParams', { nodeId: h, patch: { units: 0 } });
    expect(ed.state.analysis.diagnostics.find((d) => d.nodeId === h)).toMatchObject({ code: 'invalid_param', field: 'units' });
    expect(ed.refused('updateParams', { nodeId: h, patch: { units: Number.NaN } })).toMatch(/plain JSON/);
    expect(ed.refused('updateParams', { nodeId: 'nope', patch: {} })).toMatch(/no layer "nope"/);
  });

  it('typing in one field makes one undo entry; another field makes another; equal values change nothing', () => {
    const { ed, h } = mlp();
    const depth = ed.store.historyDepth().undo;
    for (const units of [1, 12, 128]) ed.must('updateParams', { nodeId: h, patch: { units } });
    expect(ed.store.historyDepth().undo).toBe(depth + 1);
    ed.must('updateParams', { nodeId: h, patch: { activation: 'tanh' } });
    expect(ed.store.historyDepth().undo).toBe(depth + 2);
    const state = ed.state;
    ed.must('updateParams', { nodeId: h, patch: { activation: 'tanh' } });
    expect(ed.state).toBe(state);
    ed.undo();
    expect(ed.node(h).params).toEqual({ units: 128, activation: 'relu' });
    ed.undo();
    expect(ed.node(h).params).toEqual({ units: 16, activation: 'relu' });
  });
});

describe('renameNode and setTrainable', () => {
  it('renames (the layer name follows) and clears a name with an empty string', () => {
    const { ed, h } = mlp();
    for (const name of ['h', 'hi', 'hidden']) ed.must('renameNode', { nodeId: h, name });
    expect(ed.node(h).name).toBe('hidden');
    expect(ed.result(h).layerName).toBe('hidden');
    expect(ed.store.getState().history.undoLabel).toBe('Rename layer');
    ed.undo();
    expect(ed.node(h).name).toBeUndefined();
    ed.redo();
    ed.must('renameNode', { nodeId: h, name: '  ' });
    expect('name' in ed.node(h)).toBe(false);
    expect(ed.refused('renameNode', { nodeId: h, name: 'x'.repeat(201) })).toMatch(/200/);
  });

  it('freezes and unfreezes the selection; frozen weights count as non-trainable', () => {
    const { ed, h, y } = mlp();
    ed.select(h, y);
    ed.must('setTrainable', { trainable: false });
    expect(ed.node(h).trainable).toBe(false);
    expect(ed.state.analysis.totals.trainableParams).toBe(0);
    expect(ed.state.analysis.totals.nonTrainableParams).toBe(8 * 16 + 16 + 16 * 4 + 4);
    ed.must('setTrainable', { ids: [h], trainable: true });
    expect('trainable' in ed.node(h)).toBe(false);
    const state = ed.state;
    ed.must('setTrainable', { ids: [h], trainable: true });
    expect(ed.state).toBe(state);
    ed.must('clearSelection');
    expect(ed.refused('setTrainable', { trainable: false })).toMatch(/Select/);
  });
});
