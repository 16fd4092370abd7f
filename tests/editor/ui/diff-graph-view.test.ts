import { describe, expect, it } from 'vitest';
import { diffGraphView } from '../../../components/editor/diff-graph-view';
import { templateGraph } from '../../../engine/templates';

describe('diffGraphView', () => {
  it('puts both versions on one canvas: added, removed, changed and unchanged layers, and both sets of connections', () => {
    const before = templateGraph('lenet5');
    if (!before) throw new Error('no template');
    const after = structuredClone(before);
    after.nodes = after.nodes.filter((n) => n.id !== 'dense_2');
    after.edges = after.edges.filter((e) => e.source !== 'dense_2' && e.target !== 'dense_2');
    const dense1 = after.nodes.find((n) => n.id === 'dense_1');
    if (dense1) dense1.params = { ...dense1.params, units: 100 };
    after.nodes.push({ id: 'dropout_1', type: 'dropout', params: { rate: 0.5 }, position: { x: 300, y: 0 } });
    after.edges.push(
      { id: 'dense_1->dropout_1', source: 'dense_1', target: 'dropout_1' },
      { id: 'dropout_1->dense_3', source: 'dropout_1', target: 'dense_3' },
    );

    const view = diffGraphView(before, after);
    const status = Object.fromEntries(view.nodes.map((n) => [n.id, n.data.diff.status]));
    expect(status).toMatchObject({ dense_1: 'changed', dense_2: 'removed', dropout_1: 'added', conv2d_1: 'same' });
    expect(view.nodes.find((n) => n.id === 'dense_1')?.data.diff.changes).toEqual([
      { path: 'params.units', kind: 'changed', before: 120, after: 100 },
    ]);
    expect(view.nodes.find((n) => n.id === 'dense_1')?.data.view.outputLabels).toEqual(['(None, 100)']);
    expect(view.nodes.find((n) => n.id === 'dense_2')?.data.view.outputLabels).toEqual(['(None, 84)']);
    const edges = Object.fromEntries(view.edges.map((e) => [e.id, e.data.diff]));
    expect(edges).toMatchObject({ 'dense_1->dropout_1': 'added', 'removed:dense_1->dense_2': 'removed', 'input_1->conv2d_1': 'same' });
    expect(view.diff.summary).toMatchObject({ changed: 1 });
    // Removed connections are drawn without their old shape label, which would sit on the layers they cross.
    const labelled = Object.fromEntries(view.edges.map((e) => [e.id, e.data.labelled]));
    expect(labelled).toMatchObject({ 'dense_1->dropout_1': true, 'removed:dense_1->dense_2': false, 'input_1->conv2d_1': true });
    // Layers and connections are counted apart.
    expect(view.diff.summary.layers).toEqual({ added: 1, removed: 1, changed: 1, moved: 0 });
    expect(view.diff.summary.connections.added).toBeGreaterThan(0);
  });

  it('puts the label of a new connection that runs across a removed layer above the layer it feeds', () => {
    const before = templateGraph('lenet5');
    if (!before) throw new Error('no template');
    const after = structuredClone(before);
    after.nodes = after.nodes.filter((n) => n.id !== 'dense_2');
    after.edges = after.edges.filter((e) => e.source !== 'dense_2' && e.target !== 'dense_2');
    after.edges.push({ id: 'skip', source: 'dense_1', target: 'dense_3' });
    const view = diffGraphView(before, after);
    const label = Object.fromEntries(view.edges.map((e) => [e.id, e.data.labelAtTarget === true]));
    expect(label.skip).toBe(true);
    expect(label['input_1->conv2d_1']).toBe(false);
  });
});
