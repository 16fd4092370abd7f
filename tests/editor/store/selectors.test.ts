import { describe, expect, it } from 'vitest';
import { diagnosticsList, edgeView, nodeView, paletteGroups, summaryRows } from '../../../components/editor/store/selectors';
import { allLayerSpecs } from '../../../engine/layers/registry';
import { templateGraph } from '../../../engine/templates';
import { TestEditor } from './test-editor';

describe('nodeView', () => {
  it('draws a node from its spec and the analysis: label, summary, shapes, params, ports', () => {
    const ed = new TestEditor({ doc: templateGraph('lenet5') });
    ed.select('conv2d_1');
    expect(nodeView(ed.state, 'conv2d_1')).toMatchObject({
      id: 'conv2d_1',
      type: 'conv2d',
      label: 'Conv2D',
      category: 'convolution',
      name: 'conv2d_1',
      summary: '6 · 5×5 · relu',
      outputShapes: [[null, 28, 28, 6]],
      outputLabels: ['(None, 28, 28, 6)'],
      paramCount: 156,
      trainable: true,
      status: 'ok',
      diagnostics: [],
      ports: { inputs: ['in:0'], outputs: ['out:0'], minInputs: 1, maxInputs: 1 },
      selected: true,
    });
    expect(nodeView(ed.state, 'input_1')?.ports).toEqual({ inputs: [], outputs: ['out:0'], minInputs: 0, maxInputs: 0 });
    expect(nodeView(ed.state, 'ghost')).toBeNull();
  });

  it('shows errors, blocked layers, warnings and merge ports that grow with connections', () => {
    const ed = new TestEditor();
    const x = ed.add('input', { shape: [8] });
    const [bad, after] = ed.chain(x, ['dense', { units: 0 }], ['dense', { units: 2 }]) as [string, string];
    expect(nodeView(ed.state, bad)).toMatchObject({ status: 'error', summary: '', outputShapes: null, paramCount: null });
    expect(nodeView(ed.state, bad)?.diagnostics[0]).toMatchObject({ code: 'invalid_param', field: 'units' });
    expect(nodeView(ed.state, after)?.status).toBe('blocked');
    const stray = ed.add('dense');
    ed.connect(x, stray);
    // With explicit outputs, a layer off every path to them is unused (a warning).
    ed.must('replaceDocument', { doc: { ...ed.doc, outputs: [after] }, mode: 'import' });
    expect(nodeView(ed.state, stray)?.status).toBe('warning');
    const concat = ed.add('concatenate');
    expect(nodeView(ed.state, concat)?.ports.inputs).toEqual(['in:0', 'in:1']);
    ed.connect(x, concat);
    ed.connect(x, concat);
    expect(nodeView(ed.state, concat)?.ports.inputs).toEqual(['in:0', 'in:1', 'in:2']);
    const lstm = ed.add('lstm', { returnState: true });
    expect(nodeView(ed.state, lstm)?.ports.outputs).toEqual(['out:0', 'out:1', 'out:2']);
  });

  it('returns the same object while nothing it shows changed (for memoized components)', () => {
    const ed = new TestEditor({ doc: templateGraph('lenet5') });
    const first = nodeView(ed.state, 'conv2d_1');
    ed.must('updateParams', { nodeId: 'dense_3', patch: { units: 5 } });
    expect(nodeView(ed.state, 'conv2d_1')).toBe(first);
    ed.must('moveNodes', { positions: { dense_3: { x: 1, y: 1 } } });
    expect(nodeView(ed.state, 'conv2d_1')).toBe(first);
    ed.select('conv2d_1');
    expect(nodeView(ed.state, 'conv2d_1')).not.toBe(first);
    ed.must('updateParams', { nodeId: 'conv2d_1', patch: { filters: 8 } });
    expect(nodeView(ed.state, 'conv2d_1')?.summary).toBe('8 · 5×5 · relu');
  });
});

describe('edgeView', () => {
  it('labels an edge with its tensor shape and draws bad ones red', () => {
    const ed = new TestEditor({ doc: templateGraph('lenet5') });
    const edge = ed.doc.edges.find((e) => e.source === 'flatten_1');
    expect(edgeView(ed.state, edge?.id as string)).toMatchObject({
      source: 'flatten_1',
      target: 'dense_1',
      sourceHandle: 'out:0',
      targetHandle: 'in:0',
      shape: [null, 400],
      label: '(None, 400)',
      ok: true,
      selected: false,
    });
    const x = ed.add('input', { shape: [3] });
    const lstm = ed.add('lstm');
    // Bypass the connection rules to get an edge the analysis rejects, as an import could.
    ed.must('replaceDocument', { doc: { ...ed.doc, edges: [...ed.doc.edges, { id: 'bad', source: x, target: lstm }] } });
    expect(edgeView(ed.state, 'bad')).toMatchObject({ ok: false, label: '(None, 3)' });
    expect(edgeView(ed.state, 'bad')?.diagnostics[0]?.code).toBe('rank_mismatch');
    expect(edgeView(ed.state, 'ghost')).toBeNull();
  });

  it('returns the same object while the edge, its shape and its selection are unchanged', () => {
    const ed = new TestEditor({ doc: templateGraph('lenet5') });
    const id = ed.doc.edges[0]?.id as string;
    const first = edgeView(ed.state, id);
    ed.must('updateParams', { nodeId: 'dense_3', patch: { units: 5 } });
    expect(edgeView(ed.state, id)).toBe(first);
    ed.must('updateParams', { nodeId: 'input_1', patch: { shape: [32, 32, 1] } });
    expect(edgeView(ed.state, id)?.label).toBe('(None, 32, 32, 1)');
  });

  it('gives handle-less edges into a merge the port they occupy', () => {
    const ed = new TestEditor();
    const a = ed.add('input', { shape: [2] });
    const b = ed.add('input', { shape: [2] });
    const add = ed.add('add');
    const doc = {
      ...ed.doc,
      edges: [
        { id: 'e1', source: a, target: add },
        { id: 'e2', source: b, target: add },
      ],
    };
    ed.must('replaceDocument', { doc });
    expect([edgeView(ed.state, 'e1')?.targetHandle, edgeView(ed.state, 'e2')?.targetHandle]).toEqual(['in:0', 'in:1']);
  });
});

describe('summaryRows and diagnosticsList', () => {
  it('lists layers in run order with Keras class names, inputs and totals', () => {
    const ed = new TestEditor({ doc: templateGraph('resnet-small') });
    const { rows, totals } = summaryRows(ed.state);
    expect(rows).toHaveLength(ed.doc.nodes.length);
    expect(rows[0]).toMatchObject({ type: 'InputLayer', connectedTo: [], params: 0 });
    const merge = rows.find((r) => r.type === 'Add');
    expect(merge?.connectedTo).toHaveLength(2);
    expect(totals.params).toBe(rows.reduce((n, r) => n + (r.params ?? 0), 0));
  });

  it('sorts problems errors first, then by layer order, naming the layer', () => {
    const ed = new TestEditor();
    const x = ed.add('input', { shape: [8] });
    const [a] = ed.chain(x, ['dense', { units: 4 }]) as [string];
    const stray = ed.add('dense', {}, { name: 'stray' });
    ed.connect(x, stray);
    ed.must('replaceDocument', { doc: { ...ed.doc, outputs: [a] }, mode: 'import' });
    ed.must('updateParams', { nodeId: a, patch: { units: -1 } });
    const bad = ed.add('flatten');
    const list = diagnosticsList(ed.state);
    expect(list.map((d) => [d.severity, d.code, d.nodeName])).toEqual([
      ['error', 'invalid_param', a],
      ['error', 'missing_input', bad],
      ['warning', 'unused_node', 'stray'],
      ['warning', 'unused_node', bad],
    ]);
    expect(new Set(list.map((d) => d.key)).size).toBe(list.length);
  });
});

describe('paletteGroups', () => {
  it('offers every spec but placeholders, by category in registry order', () => {
    const groups = paletteGroups();
    expect(groups[0]).toMatchObject({ category: 'input', label: 'Input' });
    expect(groups.map((g) => g.category)).not.toContain('placeholder');
    const offered = groups.flatMap((g) => g.items.map((i) => i.type));
    expect(offered).toEqual(
      allLayerSpecs()
        .filter((s) => s.category !== 'placeholder')
        .map((s) => s.type),
    );
    expect(groups.flatMap((g) => g.items).every((i) => i.doc.length > 20)).toBe(true);
  });

  it('searches label, type id and doc, every word, name matches first', () => {
    const conv = paletteGroups('conv');
    expect(conv.map((g) => g.category)).toContain('convolution');
    expect(conv.find((g) => g.category === 'convolution')?.items[0]?.type).toBe('conv1d');
    expect(paletteGroups('LSTM').flatMap((g) => g.items.map((i) => i.type))).toEqual(expect.arrayContaining(['lstm', 'convLstm2d']));
    const residual = paletteGroups('residual');
    expect(residual.flatMap((g) => g.items.map((i) => i.type))).toContain('add');
    const recurrent = paletteGroups('sequence memory').flatMap((g) => g.items.map((i) => i.type));
    expect(recurrent).toContain('lstm');
    expect(paletteGroups('zzzz')).toEqual([]);
  });
});
