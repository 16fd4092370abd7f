import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../engine/graph/canonical-json';
import type { IndexedGraph } from '../../../engine/graph/indexed-graph';
import { parseGraph } from '../../../engine/graph/parse';
import { parseGraphAgainst } from '../../../engine/graph/parse-against';
import { GRAPH_FORMAT } from '../../../engine/graph/schema';
import { templateGraph } from '../../../engine/templates';

/** A template parsed and indexed, as the server holds a saved parent version. */
function parent(name = 'resnet-small'): IndexedGraph {
  const result = parseGraphAgainst(JSON.parse(JSON.stringify(templateGraph(name))));
  if (!result.ok) throw new Error(`template ${name} does not parse`);
  return result.graph;
}

/** The parent's document as a client sends it back: fresh JSON, every node and edge a new object. */
const copyOf = (graph: IndexedGraph): Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } =>
  JSON.parse(JSON.stringify(graph.doc));

/** Both parsers on the same input: they must agree on every field of the answer. */
function expectSameAsFullParse(input: unknown, against: IndexedGraph) {
  const full = parseGraph(structuredClone(input));
  const quick = parseGraphAgainst(input, against);
  expect(quick.ok).toBe(full.ok);
  if (quick.ok && full.ok) {
    expect(quick.graph.doc).toEqual(full.doc);
    expect(quick.graph.json).toBe(canonicalJson(full.doc));
    expect(quick.migrated).toEqual(full.migrated);
  }
  if (!quick.ok && !full.ok) expect(quick.diagnostics).toEqual(full.diagnostics);
  return quick;
}

describe('parseGraphAgainst: a new version validated against its parent', () => {
  it('without a parent is parseGraph, with the canonical text of the whole document', () => {
    const doc = templateGraph('lenet5');
    const result = parseGraphAgainst(JSON.stringify(doc));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.graph.doc).toEqual(doc);
    expect(result.graph.json).toBe(canonicalJson(doc));
    expect(result.reused).toBe(0);
    expect([...result.graph.nodes.keys()]).toEqual(doc?.nodes.map((n) => n.id));
  });

  it('takes over every unchanged node and edge and parses only the one edited', () => {
    const base = parent();
    const edited = copyOf(base);
    const target = edited.nodes.find((n) => n.type === 'conv2d') as { params: Record<string, unknown> };
    target.params = { ...target.params, filters: 48 };
    const result = expectSameAsFullParse(edited, base);
    if (!result.ok) throw new Error('the edited graph should parse');
    expect(result.reused).toBe(base.doc.nodes.length + base.doc.edges.length - 1);
    const changed = result.graph.doc.nodes.find((n) => n.params.filters === 48);
    expect(changed).toBeDefined();
    // The reused items are the parent's own objects and texts; the edited one is new.
    const unchangedId = base.doc.nodes[0]?.id as string;
    expect(result.graph.nodes.get(unchangedId)?.item).toBe(base.nodes.get(unchangedId)?.item);
    expect(result.graph.nodes.get(changed?.id as string)?.json).toBe(canonicalJson(changed));
  });

  it('adds, removes and reorders nodes and edges like a full parse', () => {
    const base = parent();
    const edited = copyOf(base);
    edited.nodes.reverse();
    edited.nodes.push({ id: 'extra', type: 'dense', params: { units: 3 }, position: { x: 5, y: 6 } });
    edited.edges.splice(1, 1);
    edited.edges.push({ id: 'e-extra', source: String(edited.nodes[0]?.id), target: 'extra' });
    edited.name = 'Renamed';
    expectSameAsFullParse(edited, base);
  });

  it('refuses a malformed edited node with the same diagnostics as parseGraph, naming node and field', () => {
    const base = parent();
    const edited = copyOf(base);
    const node = edited.nodes[2] as Record<string, unknown>;
    node.position = { x: 'left', y: 0 };
    const result = expectSameAsFullParse(edited, base);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ code: 'malformed_document', nodeId: node.id, field: 'position.x' });
  });

  it('refuses an unknown field on an otherwise unchanged node, as parseGraph does', () => {
    const base = parent();
    const edited = copyOf(base);
    (edited.nodes[1] as Record<string, unknown>).colour = 'red';
    const result = expectSameAsFullParse(edited, base);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]?.hint).toContain('"colour"');
  });

  it('refuses a broken document field, a wrong format and a too-new version with the same words', () => {
    const base = parent();
    const broken = [
      { ...copyOf(base), training: { optimizer: 'magic' } },
      { ...copyOf(base), format: 'keras' },
      { ...copyOf(base), version: 99 },
      { ...copyOf(base), edges: 'none' },
      { ...copyOf(base), groups: [{ id: 'g' }] },
      [],
      null,
      '{ not json',
    ];
    for (const input of broken) expect(expectSameAsFullParse(input, base).ok).toBe(false);
    expect(parseGraphAgainst({ ...copyOf(base), format: 'x' }, base)).toEqual(parseGraph({ ...copyOf(base), format: 'x' }));
    expect(GRAPH_FORMAT).toBe('netcanvas.graph');
  });

  it('agrees with parseGraph on arbitrary edits of any node or edge field (property)', () => {
    const base = parent();
    const json = fc.jsonValue({ maxDepth: 2 });
    const edit = fc.record({
      collection: fc.constantFrom('nodes' as const, 'edges' as const),
      index: fc.nat(),
      field: fc.constantFrom(
        'id',
        'type',
        'params',
        'position',
        'name',
        'trainable',
        'groupId',
        'source',
        'target',
        'sourceHandle',
        'extra',
      ),
      value: fc.oneof(json, fc.constant(undefined)),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 4 }), (edits) => {
        const edited = copyOf(base);
        for (const { collection, index, field, value } of edits) {
          const item = edited[collection][index % edited[collection].length] as Record<string, unknown>;
          if (value === undefined) delete item[field];
          else item[field] = value;
        }
        expectSameAsFullParse(edited, base);
      }),
      { numRuns: 150 },
    );
  });
});
