import { describe, expect, it } from 'vitest';
import type { GraphDoc } from '../../../engine/graph/schema';
import { topology } from '../../../engine/graph/topology';
import { edge, graph, node } from '../../support/docs';

const nodes = (...ids: string[]) => ids.map((id) => node(id, id === 'in' ? 'input' : 'dense'));
const codes = (doc: GraphDoc) => topology(doc).diagnostics.map((d) => d.code);

/** Every edge between sorted nodes points forward in the order. */
function expectTopological(doc: GraphDoc, order: string[]): void {
  const position = new Map(order.map((id, i) => [id, i]));
  for (const e of doc.edges) {
    const from = position.get(e.source);
    const to = position.get(e.target);
    if (from !== undefined && to !== undefined) expect(from, `${e.source} before ${e.target}`).toBeLessThan(to);
  }
}

describe('topological order', () => {
  it('keeps a document that is already in order exactly as it is, branches included', () => {
    const doc = graph(nodes('in', 'b', 'a', 'c', 'm'), [
      edge('in', 'a'),
      edge('in', 'b'),
      edge('a', 'c'),
      edge('b', 'm', { to: 0 }),
      edge('c', 'm', { to: 1 }),
    ]);
    const topo = topology(doc);
    expect(topo.order).toEqual(['in', 'b', 'a', 'c', 'm']);
    expect(topo.diagnostics).toEqual([]);
  });

  it('among the nodes that are ready, always takes the earliest in the document', () => {
    const doc = graph(nodes('z', 'y', 'x', 'in', 'in2'), [edge('in', 'x'), edge('x', 'y'), edge('in2', 'z'), edge('y', 'z', { to: 1 })]);
    const topo = topology(doc);
    expect(topo.order).toEqual(['in', 'x', 'y', 'in2', 'z']);
    expectTopological(doc, topo.order);
  });

  it('gives the same order however the edges are listed', () => {
    const list = [edge('in', 'a'), edge('in', 'b'), edge('a', 'c'), edge('b', 'c', { to: 1 })];
    const forward = topology(graph(nodes('in', 'a', 'b', 'c'), list)).order;
    const backward = topology(graph(nodes('in', 'a', 'b', 'c'), [...list].reverse())).order;
    expect(backward).toEqual(forward);
  });

  it('orders a long chain listed backwards', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `n${i}`);
    const doc = graph(
      [...ids].reverse().map((id) => node(id, 'dense')),
      ids.slice(1).map((id, i) => edge(ids[i] as string, id)),
    );
    expect(topology(doc).order).toEqual(ids);
  });

  it('lists isolated nodes and an empty graph without complaint', () => {
    expect(topology(graph(nodes('a', 'b'), []))).toMatchObject({ order: ['a', 'b'], diagnostics: [] });
    expect(topology(graph([], []))).toMatchObject({ order: [], diagnostics: [] });
  });
});

describe('cycles', () => {
  it('reports each node of a loop, naming the whole loop, and leaves them out of the order', () => {
    const doc = graph(nodes('in', 'a', 'b', 'c'), [edge('in', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'a', { to: 1 })]);
    const topo = topology(doc);
    expect(topo.order).toEqual(['in']);
    const cycle = topo.diagnostics.filter((d) => d.code === 'cycle');
    expect(cycle.map((d) => d.nodeId).sort()).toEqual(['a', 'b', 'c']);
    for (const d of cycle) {
      expect(d.severity).toBe('error');
      expect(d.message).toMatch(/a → b → c → a|b → c → a → b|c → a → b → c/);
      expect(d.hint).toMatch(/Remove one of the connections/);
    }
    expect(topo.onCycle).toEqual(new Set(['a', 'b', 'c']));
  });

  it('finds a node that feeds itself', () => {
    const topo = topology(graph(nodes('in', 'a'), [edge('in', 'a'), edge('a', 'a', { id: 'self', to: 1 })]));
    expect(topo.diagnostics.map((d) => [d.code, d.nodeId])).toEqual([['cycle', 'a']]);
    expect(topo.diagnostics[0]?.message).toContain('a → a');
  });

  it('sets apart the nodes downstream of a loop: left out of the order, but not reported as on it', () => {
    const doc = graph(nodes('in', 'a', 'b', 'after', 'later'), [
      edge('in', 'a'),
      edge('a', 'b'),
      edge('b', 'a', { to: 1 }),
      edge('b', 'after'),
      edge('after', 'later'),
    ]);
    const topo = topology(doc);
    expect(topo.order).toEqual(['in']);
    expect(topo.cyclic).toEqual(new Set(['a', 'b', 'after', 'later']));
    expect(topo.onCycle).toEqual(new Set(['a', 'b']));
    expect(topo.diagnostics.map((d) => d.nodeId).sort()).toEqual(['a', 'b']);
  });

  it('reports every separate loop, not only the first', () => {
    const doc = graph(nodes('in', 'a', 'b', 'c', 'd'), [
      edge('in', 'a'),
      edge('a', 'b'),
      edge('b', 'a', { to: 1 }),
      edge('in', 'c'),
      edge('c', 'd'),
      edge('d', 'c', { to: 1 }),
    ]);
    const topo = topology(doc);
    expect(topo.diagnostics.map((d) => d.nodeId).sort()).toEqual(['a', 'b', 'c', 'd']);
    const forC = topo.diagnostics.find((d) => d.nodeId === 'c');
    expect(forC?.message).toMatch(/c → d → c|d → c → d/);
  });

  it('reports every node of two loops that share a node, each with a loop through it', () => {
    const doc = graph(nodes('in', 'a', 'b', 'c'), [
      edge('in', 'a'),
      edge('a', 'b'),
      edge('b', 'a', { to: 1 }),
      edge('b', 'c'),
      edge('c', 'b', { to: 1 }),
    ]);
    const topo = topology(doc);
    const cycle = topo.diagnostics.filter((d) => d.code === 'cycle');
    expect(cycle.map((d) => d.nodeId).sort()).toEqual(['a', 'b', 'c']);
    for (const d of cycle) expect(d.message).toContain(d.nodeId);
  });

  it('keeps the nodes before a loop and beside it in the order', () => {
    const doc = graph(nodes('in', 'ok', 'a', 'b'), [edge('in', 'ok'), edge('in', 'a'), edge('a', 'b'), edge('b', 'a', { to: 1 })]);
    expect(topology(doc).order).toEqual(['in', 'ok']);
  });
});

describe('broken references', () => {
  it('reports an edge to or from a node that does not exist, and drops it', () => {
    const doc = graph(nodes('in', 'a'), [
      edge('in', 'a'),
      edge('ghost', 'a', { id: 'e-from', to: 1 }),
      edge('a', 'nowhere', { id: 'e-to' }),
    ]);
    const topo = topology(doc);
    const dangling = topo.diagnostics.filter((d) => d.code === 'dangling_edge');
    expect(dangling.map((d) => d.edgeId)).toEqual(['e-from', 'e-to']);
    expect(dangling[0]?.message).toContain('"ghost"');
    expect(dangling[1]?.message).toContain('"nowhere"');
    for (const d of dangling) expect(d.hint).toBeTruthy();
    expect(topo.incoming.get('a')?.map((e) => e.id)).toEqual(['in->a']);
    expect(topo.order).toEqual(['in', 'a']);
  });

  it('reports both missing ends of an edge in one diagnostic', () => {
    const [d] = topology(graph([], [edge('x', 'y')])).diagnostics;
    expect(d?.message).toMatch(/"x" and "y"/);
  });

  it('reports a node id used twice, once, on the second node', () => {
    const doc = graph([node('a', 'input'), node('a', 'dense'), node('b', 'dense')], [edge('a', 'b')]);
    const topo = topology(doc);
    expect(topo.diagnostics).toMatchObject([{ code: 'duplicate_id', nodeId: 'a', severity: 'error' }]);
    expect(topo.diagnostics[0]?.hint).toBeTruthy();
    expect(topo.order).toEqual(['a', 'b']);
  });

  it('reports an edge id used twice and keeps only the first edge', () => {
    const doc = graph(nodes('in', 'a', 'b'), [edge('in', 'a', { id: 'e' }), edge('in', 'b', { id: 'e' })]);
    const topo = topology(doc);
    expect(topo.diagnostics).toMatchObject([{ code: 'duplicate_id', edgeId: 'e' }]);
    expect(topo.incoming.get('b')).toEqual([]);
  });

  it.each([
    ['a target handle that is not a port name', { targetHandle: 'x' }],
    ['a target handle with a non-numeric index', { targetHandle: 'in:one' }],
    ['an output handle used as the target', { targetHandle: 'out:0' }],
    ['an input handle used as the source', { sourceHandle: 'in:0' }],
    ['a port index of five digits', { targetHandle: 'in:10000' }],
    ['a negative port index', { sourceHandle: 'out:-1' }],
    ['an empty handle', { targetHandle: '' }],
  ])('reports %s as bad_port on the edge and its target, and drops the edge', (_, handles) => {
    const doc = graph(nodes('in', 'a'), [{ id: 'e', source: 'in', target: 'a', ...handles }]);
    const topo = topology(doc);
    expect(topo.diagnostics).toMatchObject([{ code: 'bad_port', edgeId: 'e', nodeId: 'a', severity: 'error' }]);
    expect(topo.diagnostics[0]?.hint).toMatch(/in:N and out:N/);
    expect(topo.incoming.get('a')).toEqual([]);
  });

  it('accepts the bare handles "in" and "out" as the default ports', () => {
    const doc = graph(nodes('in', 'a'), [{ id: 'e', source: 'in', sourceHandle: 'out', target: 'a', targetHandle: 'in' }]);
    expect(codes(doc)).toEqual([]);
  });
});

describe('input ports', () => {
  it('orders incoming edges by their in:N port, whatever the edge order', () => {
    const doc = graph(nodes('p', 'q', 'r', 'm'), [edge('r', 'm', { to: 2 }), edge('p', 'm', { to: 0 }), edge('q', 'm', { to: 1 })]);
    expect(
      topology(doc)
        .incoming.get('m')
        ?.map((e) => e.source),
    ).toEqual(['p', 'q', 'r']);
  });

  it('orders numerically, not as text (in:10 after in:9)', () => {
    const sources = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const doc = graph(
      nodes(...sources, 'm'),
      [...sources].reverse().map((s, k) => edge(s, 'm', { to: 11 - k })),
    );
    expect(
      topology(doc)
        .incoming.get('m')
        ?.map((e) => e.source),
    ).toEqual(sources);
  });

  it('puts edges without a port after those with one, in edge order', () => {
    const doc = graph(nodes('p', 'q', 'r', 'm'), [edge('q', 'm'), edge('r', 'm', { to: 0 }), edge('p', 'm')]);
    expect(
      topology(doc)
        .incoming.get('m')
        ?.map((e) => e.source),
    ).toEqual(['r', 'q', 'p']);
  });

  it('lists outgoing edges in document order', () => {
    const doc = graph(nodes('in', 'a', 'b'), [edge('in', 'b'), edge('in', 'a')]);
    expect(
      topology(doc)
        .outgoing.get('in')
        ?.map((e) => e.target),
    ).toEqual(['b', 'a']);
  });
});
