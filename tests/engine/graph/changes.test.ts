import { describe, expect, it } from 'vitest';
import { applyChanges, ChangeError, invertChanges } from '../../../engine/graph/apply-changes';
import { type Change, ChangeSchema, parseChanges } from '../../../engine/graph/changes';
import { emptyGraph, type GraphDoc, GraphDocSchema } from '../../../engine/graph/schema';
import { templateGraph } from '../../../engine/templates';

function lenet(): GraphDoc {
  const doc = templateGraph('lenet5');
  if (!doc) throw new Error('no lenet5 template');
  return doc;
}

/** Applies, checks the result is a valid document, and checks the inverse brings back an equal original. */
function roundTrip(doc: GraphDoc, changes: Change[]): GraphDoc {
  const original = structuredClone(doc);
  const next = applyChanges(doc, changes);
  expect(GraphDocSchema.safeParse(next).success).toBe(true);
  expect(doc).toEqual(original);
  expect(applyChanges(next, invertChanges(doc, changes))).toEqual(original);
  return next;
}

describe('applyChanges and invertChanges', () => {
  it('adds, updates and removes nodes and edges, and the inverse restores the original order', () => {
    const doc = lenet();
    const [first, second] = doc.nodes as [GraphDoc['nodes'][0], GraphDoc['nodes'][0]];
    const edge = doc.edges[0] as GraphDoc['edges'][0];
    const next = roundTrip(doc, [
      { kind: 'edge.remove', id: edge.id },
      { kind: 'node.remove', id: first.id },
      { kind: 'node.add', node: { id: 'extra', type: 'dense', params: { units: 3 }, position: { x: 1, y: 2 } }, index: 0 },
      { kind: 'node.update', id: second.id, set: { name: 'renamed', trainable: false, position: { x: 9, y: 9 } } },
      { kind: 'edge.add', edge: { id: 'extra->b', source: 'extra', target: second.id } },
    ]);
    expect(next.nodes.map((n) => n.id).slice(0, 2)).toEqual(['extra', second.id]);
    expect(next.nodes.find((n) => n.id === second.id)).toMatchObject({ name: 'renamed', trainable: false, position: { x: 9, y: 9 } });
    expect(next.edges.at(-1)).toEqual({ id: 'extra->b', source: 'extra', target: second.id });
    expect(next.edges.some((e) => e.id === edge.id)).toBe(false);
  });

  it('clears optional node fields with unset, and the inverse puts them back', () => {
    const doc = lenet();
    const id = (doc.nodes[1] as { id: string }).id;
    const named = applyChanges(doc, [{ kind: 'node.update', id, set: { name: 'n', groupId: 'g' } }]);
    const cleared = roundTrip(named, [{ kind: 'node.update', id, set: {}, unset: ['name', 'groupId'] }]);
    const node = cleared.nodes.find((n) => n.id === id);
    expect(node && 'name' in node).toBe(false);
    expect(node && 'groupId' in node).toBe(false);
  });

  it('keeps the identity of everything a change does not touch', () => {
    const doc = lenet();
    const moved = (doc.nodes[2] as { id: string }).id;
    const next = applyChanges(doc, [{ kind: 'node.update', id: moved, set: { position: { x: 5, y: 5 } } }]);
    expect(next.edges).toBe(doc.edges);
    expect(next.training).toBe(doc.training);
    next.nodes.forEach((node, i) => {
      if (node.id === moved) expect(node.params).toBe(doc.nodes[i]?.params);
      else expect(node).toBe(doc.nodes[i]);
    });
    expect(applyChanges(doc, [])).toBe(doc);
  });

  it('sets, replaces and removes groups; the last one removed takes the list with it', () => {
    const doc = emptyGraph();
    const one = roundTrip(doc, [{ kind: 'group.set', group: { id: 'g1', name: 'A', collapsed: false } }]);
    expect(one.groups).toEqual([{ id: 'g1', name: 'A', collapsed: false }]);
    const renamed = roundTrip(one, [{ kind: 'group.set', group: { id: 'g1', name: 'B', collapsed: true } }]);
    expect(renamed.groups).toEqual([{ id: 'g1', name: 'B', collapsed: true }]);
    const none = roundTrip(renamed, [{ kind: 'group.remove', id: 'g1' }]);
    expect('groups' in none).toBe(false);
  });

  it('patches training settings (null is a value, unset clears) and drops an empty settings object', () => {
    const doc = emptyGraph();
    const set = roundTrip(doc, [{ kind: 'training.patch', set: { epochs: 3, earlyStopping: null } }]);
    expect(set.training).toEqual({ epochs: 3, earlyStopping: null });
    const partly = roundTrip(set, [{ kind: 'training.patch', set: { learningRate: 0.1 }, unset: ['epochs'] }]);
    expect(partly.training).toEqual({ earlyStopping: null, learningRate: 0.1 });
    const gone = roundTrip(partly, [{ kind: 'training.patch', set: {}, unset: ['earlyStopping', 'learningRate'] }]);
    expect('training' in gone).toBe(false);
  });

  it('patches the document name and outputs', () => {
    const doc = lenet();
    const next = roundTrip(doc, [{ kind: 'doc.patch', set: { name: 'Renamed', outputs: [doc.nodes.at(-1)?.id ?? ''] }, unset: [] }]);
    expect(next.name).toBe('Renamed');
    const cleared = roundTrip(next, [{ kind: 'doc.patch', set: {}, unset: ['name', 'outputs'] }]);
    expect('name' in cleared || 'outputs' in cleared).toBe(false);
  });

  it('refuses changes that do not fit, naming the change and the id', () => {
    const doc = lenet();
    const taken = (doc.nodes[0] as { id: string }).id;
    const cases: [Change[], RegExp][] = [
      [[{ kind: 'node.remove', id: 'ghost' }], /Change 1 removes layer "ghost", which does not exist/],
      [[{ kind: 'node.update', id: 'ghost', set: {} }], /Change 1 updates layer "ghost"/],
      [
        [
          { kind: 'edge.remove', id: doc.edges[0]?.id ?? '' },
          { kind: 'edge.remove', id: doc.edges[0]?.id ?? '' },
        ],
        /Change 2 removes connection/,
      ],
      [
        [{ kind: 'node.add', node: { id: taken, type: 'dense', params: {}, position: { x: 0, y: 0 } } }],
        /adds layer ".+", which already exists/,
      ],
      [[{ kind: 'group.remove', id: 'nope' }], /removes block "nope"/],
    ];
    for (const [changes, message] of cases) {
      expect(() => applyChanges(doc, changes)).toThrow(ChangeError);
      expect(() => applyChanges(doc, changes)).toThrow(message);
    }
  });

  it('change lists survive JSON, and malformed ones are refused with where and why', () => {
    const doc = lenet();
    const changes: Change[] = [
      { kind: 'node.update', id: (doc.nodes[1] as { id: string }).id, set: { params: { units: 4 } }, unset: ['name'] },
      { kind: 'training.patch', set: { earlyStopping: null } },
    ];
    const parsed = parseChanges(JSON.parse(JSON.stringify(changes)));
    expect(parsed).toEqual({ ok: true, changes });
    expect(parseChanges([{ kind: 'node.move', id: 'x' }])).toMatchObject({ ok: false, message: expect.stringContaining('at 0.kind') });
    expect(parseChanges([{ kind: 'training.patch', set: { epochs: -1 } }])).toMatchObject({
      ok: false,
      message: expect.stringContaining('at 0.set.epochs'),
    });
    expect(ChangeSchema.safeParse({ kind: 'node.update', id: 'a', set: { id: 'b' } }).success).toBe(false);
  });
});
