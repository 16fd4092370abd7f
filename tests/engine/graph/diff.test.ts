import { describe, expect, it } from 'vitest';
import { diffGraphs, diffValues } from '../../../engine/graph/diff';
import type { GraphDoc } from '../../../engine/graph/schema';

const base = (): GraphDoc => ({
  format: 'netcanvas.graph',
  version: 1,
  nodes: [
    { id: 'in', type: 'input', params: { shape: [28, 28, 1] }, position: { x: 0, y: 0 } },
    {
      id: 'c1',
      type: 'conv2d',
      params: { filters: 32, kernelSize: [3, 3], kernelRegularizer: { l1: 0, l2: 0.01 } },
      position: { x: 0, y: 100 },
      name: 'conv',
    },
    { id: 'f', type: 'flatten', params: {}, position: { x: 0, y: 200 } },
    { id: 'out', type: 'dense', params: { units: 10, activation: 'softmax' }, position: { x: 0, y: 300 } },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'c1' },
    { id: 'e2', source: 'c1', target: 'f' },
    { id: 'e3', source: 'f', target: 'out' },
  ],
  training: { optimizer: 'adam', learningRate: 0.001 },
});

const edit = (fn: (d: GraphDoc) => void): GraphDoc => {
  const d = structuredClone(base());
  fn(d);
  return d;
};

describe('diffGraphs', () => {
  it('finds nothing between equal documents', () => {
    const d = diffGraphs(base(), base());
    expect(d.summary).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      moved: 0,
      identical: true,
      layers: { added: 0, removed: 0, changed: 0, moved: 0 },
      connections: { added: 0, removed: 0 },
    });
  });

  it('reports added and removed nodes with their type and name', () => {
    const d = diffGraphs(
      base(),
      edit((g) => {
        g.nodes = g.nodes.filter((n) => n.id !== 'f');
        g.nodes.push({ id: 'gap', type: 'globalAveragePooling2d', params: {}, position: { x: 0, y: 200 }, name: 'pool' });
      }),
    );
    expect(d.nodes.added).toEqual([{ id: 'gap', type: 'globalAveragePooling2d', name: 'pool' }]);
    expect(d.nodes.removed).toEqual([{ id: 'f', type: 'flatten' }]);
  });

  it('keeps position-only moves apart from real changes', () => {
    const d = diffGraphs(
      base(),
      edit((g) => {
        (g.nodes[2] as GraphDoc['nodes'][number]).position = { x: 50, y: 210 };
        const out = g.nodes[3] as GraphDoc['nodes'][number];
        out.position = { x: 5, y: 300 };
        out.params.units = 20;
      }),
    );
    expect(d.nodes.moved).toEqual([{ id: 'f', type: 'flatten', from: { x: 0, y: 200 }, to: { x: 50, y: 210 } }]);
    expect(d.nodes.changed).toEqual([
      {
        id: 'out',
        type: 'dense',
        changes: [{ path: 'params.units', kind: 'changed', before: 10, after: 20 }],
        moved: { from: { x: 0, y: 300 }, to: { x: 5, y: 300 } },
      },
    ]);
    expect(d.summary).toMatchObject({ changed: 1, moved: 1, identical: false });
  });

  it('reports parameter changes down to nested fields, arrays as whole values', () => {
    const d = diffGraphs(
      base(),
      edit((g) => {
        const conv = g.nodes[1] as GraphDoc['nodes'][number];
        conv.params.kernelSize = [5, 5];
        conv.params.kernelRegularizer = { l1: 0, l2: 0.02 };
        conv.params.padding = 'same';
        delete conv.params.filters;
        conv.name = 'conv_a';
        conv.trainable = false;
        conv.groupId = 'g1';
      }),
    );
    expect(d.nodes.changed[0]?.changes).toEqual([
      { path: 'name', kind: 'changed', before: 'conv', after: 'conv_a' },
      { path: 'params.filters', kind: 'removed', before: 32 },
      { path: 'params.kernelRegularizer.l2', kind: 'changed', before: 0.01, after: 0.02 },
      { path: 'params.kernelSize', kind: 'changed', before: [3, 3], after: [5, 5] },
      { path: 'params.padding', kind: 'added', after: 'same' },
      { path: 'trainable', kind: 'added', after: false },
      { path: 'groupId', kind: 'added', after: 'g1' },
    ]);
  });

  it('reports a type change', () => {
    const d = diffGraphs(
      base(),
      edit((g) => {
        (g.nodes[2] as GraphDoc['nodes'][number]).type = 'globalAveragePooling2d';
      }),
    );
    expect(d.nodes.changed[0]?.changes).toEqual([{ path: 'type', kind: 'changed', before: 'flatten', after: 'globalAveragePooling2d' }]);
  });

  it('matches edges by id, then by endpoints: an edge drawn again is no change', () => {
    const redrawn = diffGraphs(
      base(),
      edit((g) => {
        g.edges[1] = { id: 'e2-new', source: 'c1', target: 'f' };
      }),
    );
    expect(redrawn.edges).toEqual({ added: [], removed: [] });
    expect(redrawn.summary.identical).toBe(true);

    const rewired = diffGraphs(
      base(),
      edit((g) => {
        g.edges[2] = { id: 'e3', source: 'c1', target: 'out', targetHandle: 'in0' };
        g.edges.push({ id: 'e4', source: 'in', target: 'out' });
      }),
    );
    expect(rewired.edges.removed).toEqual([{ id: 'e3', source: 'f', target: 'out' }]);
    expect(rewired.edges.added).toEqual([
      { id: 'e3', source: 'c1', target: 'out', targetHandle: 'in0' },
      { id: 'e4', source: 'in', target: 'out' },
    ]);
  });

  it('counts parallel edges between the same ports one by one', () => {
    const before = edit((g) => g.edges.push({ id: 'dup', source: 'c1', target: 'f' }));
    const d = diffGraphs(before, base());
    expect(d.edges.removed).toHaveLength(1);
  });

  it('reports training settings, groups and document fields', () => {
    const d = diffGraphs(
      base(),
      edit((g) => {
        g.training = { optimizer: 'sgd', learningRate: 0.001, epochs: 5 };
        g.groups = [{ id: 'g1', name: 'Backbone', collapsed: false }];
        g.name = 'Digits';
        g.outputs = ['out'];
      }),
    );
    expect(d.training).toEqual([
      { path: 'training.epochs', kind: 'added', after: 5 },
      { path: 'training.optimizer', kind: 'changed', before: 'adam', after: 'sgd' },
    ]);
    expect(d.groups.added).toEqual([{ id: 'g1', name: 'Backbone', collapsed: false }]);
    expect(d.document).toEqual([
      { path: 'name', kind: 'added', after: 'Digits' },
      { path: 'outputs', kind: 'added', after: ['out'] },
    ]);
    const back = diffGraphs(
      edit((g) => {
        g.groups = [{ id: 'g1', name: 'Backbone', collapsed: false }];
      }),
      edit((g) => {
        g.groups = [{ id: 'g1', name: 'Trunk', collapsed: true }];
      }),
    );
    expect(back.groups.changed).toEqual([
      {
        id: 'g1',
        changes: [
          { path: 'name', kind: 'changed', before: 'Backbone', after: 'Trunk' },
          { path: 'collapsed', kind: 'changed', before: false, after: true },
        ],
      },
    ]);
  });

  it('is symmetric: swapping the sides swaps added and removed', () => {
    const a = base();
    const b = edit((g) => g.nodes.push({ id: 'x', type: 'dropout', params: { rate: 0.5 }, position: { x: 1, y: 1 } }));
    expect(diffGraphs(a, b).nodes.added).toEqual(diffGraphs(b, a).nodes.removed);
  });
});

describe('diffValues', () => {
  it('treats key order and undefined members as equal', () => {
    expect(diffValues({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1, d: undefined }, 'p')).toEqual([]);
  });
  it('reports a value becoming an object as one change', () => {
    expect(diffValues(null, { l2: 0.1 }, 'params.reg')).toEqual([
      { path: 'params.reg', kind: 'changed', before: null, after: { l2: 0.1 } },
    ]);
  });
});
