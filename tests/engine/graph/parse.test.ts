import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../../engine/diagnostics';
import { parseGraph } from '../../../engine/graph/parse';
import { emptyGraph, GRAPH_FORMAT, GRAPH_VERSION } from '../../../engine/graph/schema';
import { TEMPLATES } from '../../../engine/templates';
import { edge, graph, node } from '../../support/docs';

const base = () => ({ format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: [] as unknown[], edges: [] as unknown[] });

/** Parses and expects failure; returns the diagnostics. */
function refuse(input: unknown) {
  const result = parseGraph(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.diagnostics;
}

describe('parseGraph accepts documents', () => {
  it('reads an empty graph from a value and from JSON text, applying no migrations', () => {
    for (const input of [emptyGraph(), JSON.stringify(emptyGraph('Empty'))]) {
      const result = parseGraph(input);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.migrated).toEqual([]);
    }
  });

  it.each(TEMPLATES.map((t) => [t.name, t]))('round-trips template %s through JSON unchanged', (_, template) => {
    const doc = template.build();
    const result = parseGraph(JSON.stringify(doc));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.doc).toEqual(doc);
  });

  it('fills in defaults: params of a node and collapsed of a group', () => {
    const raw = {
      ...base(),
      nodes: [{ id: 'a', type: 'input', position: { x: 1, y: 2 } }],
      groups: [{ id: 'g', name: 'Block' }],
    };
    const result = parseGraph(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.nodes[0]?.params).toEqual({});
    expect(result.doc.groups?.[0]?.collapsed).toBe(false);
  });

  it('keeps everything the contract allows: names, trainable, groups, handles, outputs, training', () => {
    const doc = graph(
      [node('in', 'input', { shape: [4] }, { name: 'Features', groupId: 'g' }), node('d', 'dense', { units: 2 }, { trainable: false })],
      [edge('in', 'd', { from: 0, to: 0 })],
      { name: 'Doc', groups: [{ id: 'g', name: 'G', collapsed: true }], outputs: ['d:0'], training: { epochs: 3 } },
    );
    const result = parseGraph(structuredClone(doc));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.doc).toEqual(doc);
  });

  it('does not modify the value it is given', () => {
    const raw = { ...base(), nodes: [{ id: 'a', type: 'input', position: { x: 0, y: 0 } }] };
    const before = structuredClone(raw);
    parseGraph(raw);
    expect(raw).toEqual(before);
  });
});

describe('parseGraph refuses malformed documents with diagnostics, never exceptions', () => {
  const cases: [string, unknown, Partial<{ code: string; field: string; nodeId: string; edgeId: string }>][] = [
    ['JSON text that does not parse', '{"format": "netcanvas.graph", ', {}],
    ['an empty string', '', {}],
    ['a number', 42, {}],
    ['null', null, {}],
    ['undefined', undefined, {}],
    ['an array', [base()], {}],
    ['a JSON string holding an array', '[]', {}],
    ['an object without format', { nodes: [], edges: [] }, {}],
    ['a TF.js model file', { modelTopology: {}, weightsManifest: [] }, {}],
    ['a missing version', { format: GRAPH_FORMAT, nodes: [], edges: [] }, { field: 'version' }],
    ['a version of 0', { ...base(), version: 0 }, { field: 'version' }],
    ['a fractional version', { ...base(), version: 1.5 }, { field: 'version' }],
    ['a version given as text', { ...base(), version: '1' }, { field: 'version' }],
    ['a version from the future', { ...base(), version: GRAPH_VERSION + 1 }, { code: 'unsupported_version', field: 'version' }],
    ['nodes that are not a list', { ...base(), nodes: {} }, { field: 'nodes' }],
    ['missing edges', { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: [] }, { field: 'edges' }],
    ['an unknown top-level key', { ...base(), layers: [] }, { field: 'layers' }],
    ['a node without a position', { ...base(), nodes: [{ id: 'a', type: 'dense', params: {} }] }, { nodeId: 'a', field: 'position' }],
    [
      'a position that is not finite',
      { ...base(), nodes: [{ id: 'a', type: 'dense', position: { x: 0, y: Number.POSITIVE_INFINITY } }] },
      { nodeId: 'a', field: 'position.y' },
    ],
    ['a node with an empty id', { ...base(), nodes: [{ id: '', type: 'dense', position: { x: 0, y: 0 } }] }, { field: 'id' }],
    [
      'params that are a list',
      { ...base(), nodes: [{ id: 'a', type: 'dense', params: [], position: { x: 0, y: 0 } }] },
      { nodeId: 'a', field: 'params' },
    ],
    [
      'an unknown node key',
      { ...base(), nodes: [{ id: 'a', type: 'dense', position: { x: 0, y: 0 }, colour: 'red' }] },
      { nodeId: 'a', field: 'colour' },
    ],
    [
      'trainable given as text',
      { ...base(), nodes: [{ id: 'a', type: 'dense', position: { x: 0, y: 0 }, trainable: 'no' }] },
      { nodeId: 'a', field: 'trainable' },
    ],
    ['an edge without a target', { ...base(), edges: [{ id: 'e1', source: 'a' }] }, { edgeId: 'e1', field: 'target' }],
    [
      'a handle longer than any port name',
      { ...base(), edges: [{ id: 'e1', source: 'a', target: 'b', targetHandle: 'x'.repeat(51) }] },
      { edgeId: 'e1', field: 'targetHandle' },
    ],
    ['a group without a name', { ...base(), groups: [{ id: 'g' }] }, { field: 'groups.0.name' }],
    ['an empty output reference', { ...base(), outputs: [''] }, { field: 'outputs.0' }],
    ['an unknown optimizer', { ...base(), training: { optimizer: 'lion' } }, { field: 'training.optimizer' }],
    ['a negative learning rate', { ...base(), training: { learningRate: -1 } }, { field: 'training.learningRate' }],
  ];

  it.each(cases)('%s', (_, input, expected) => {
    const diagnostics = refuse(input);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(Object.keys(DIAGNOSTIC_CODES)).toContain(d.code);
      expect(d.severity).toBe('error');
      expect(d.message.length).toBeGreaterThan(5);
      expect(d.hint?.length ?? 0, `hint for: ${d.message}`).toBeGreaterThan(5);
    }
    const first = diagnostics[0];
    expect(first?.code).toBe(expected.code ?? 'malformed_document');
    if (expected.field) expect(diagnostics.map((d) => d.field)).toContain(expected.field);
    if (expected.nodeId) expect(first?.nodeId).toBe(expected.nodeId);
    if (expected.edgeId) expect(first?.edgeId).toBe(expected.edgeId);
  });

  it('reports every broken node, each by its id, and caps the list', () => {
    const nodes = Array.from({ length: 80 }, (_, i) => ({ id: `n${i}`, type: 'dense', position: { x: 'left', y: 0 } }));
    const diagnostics = refuse({ ...base(), nodes });
    expect(diagnostics.length).toBe(50);
    expect(diagnostics.slice(0, 3).map((d) => d.nodeId)).toEqual(['n0', 'n1', 'n2']);
  });

  it('names the collection and index in the message when the item has no usable id', () => {
    const [d] = refuse({ ...base(), nodes: [{ id: 7, type: 'dense', position: { x: 0, y: 0 } }] });
    expect(d?.nodeId).toBeUndefined();
    expect(d?.message).toMatch(/^nodes\.0\.id/);
  });

  it('leaves graph-level problems (duplicate ids, dangling edges, unknown types) to the analysis', () => {
    const doc = graph([node('a', 'nonsense'), node('a', 'dense')], [edge('a', 'ghost')]);
    expect(parseGraph(doc).ok).toBe(true);
  });
});
