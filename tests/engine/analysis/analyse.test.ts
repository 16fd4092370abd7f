import { describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import type { Analysis } from '../../../engine/analysis/types';
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode } from '../../../engine/diagnostics';
import { parseGraph } from '../../../engine/graph/parse';
import type { GraphDoc } from '../../../engine/graph/schema';
import { chain, edge, graph, node } from '../../support/docs';

const errors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error');
const two = (a: (number | null)[], b: (number | null)[], merge: string, params = {}) =>
  graph(
    [node('a', 'input', { shape: a }), node('b', 'input', { shape: b }), node('m', merge, params)],
    [edge('a', 'm', { to: 0 }), edge('b', 'm', { to: 1 })],
  );

interface CodeCase {
  code: DiagnosticCode;
  what: string;
  /** A graph for the analysis, or a raw value for parseGraph. */
  doc: GraphDoc | (() => unknown);
  expect: Partial<Pick<Diagnostic, 'nodeId' | 'edgeId' | 'field' | 'severity'>>;
}

/** Every code analysis or parsing can raise, each from the smallest graph that raises it. */
const CODE_CASES: CodeCase[] = [
  {
    code: 'malformed_document',
    what: 'a node without a position',
    doc: () => ({ ...graph([], []), nodes: [{ id: 'a', type: 'dense' }] }),
    expect: { nodeId: 'a', field: 'position' },
  },
  {
    code: 'unsupported_version',
    what: 'a document from a newer build',
    doc: () => ({ ...graph([], []), version: 999 }),
    expect: { field: 'version' },
  },
  {
    code: 'duplicate_id',
    what: 'two nodes with one id',
    doc: graph([node('a', 'input', { shape: [2] }), node('a', 'dense')], []),
    expect: { nodeId: 'a' },
  },
  {
    code: 'unknown_layer',
    what: 'a type the catalog lacks',
    doc: chain([4], [['transformerBlock']]),
    expect: { nodeId: 'n1', field: 'type' },
  },
  {
    code: 'unknown_layer',
    what: 'an import placeholder',
    doc: chain([4], [['unsupported', { className: 'Lambda' }]]),
    expect: { nodeId: 'n1', field: 'className' },
  },
  { code: 'invalid_param', what: 'units below 1', doc: chain([4], [['dense', { units: 0 }]]), expect: { nodeId: 'n1', field: 'units' } },
  {
    code: 'invalid_param',
    what: 'a setting the layer does not have',
    doc: chain([4], [['dense', { unitz: 3 }]]),
    expect: { nodeId: 'n1', field: 'unitz' },
  },
  {
    code: 'invalid_param',
    what: 'a param of the wrong type',
    doc: chain([4], [['dropout', { rate: 'half' }]]),
    expect: { nodeId: 'n1', field: 'rate' },
  },
  {
    code: 'invalid_param',
    what: 'an axis the input lacks',
    doc: two([4], [4], 'concatenate', { axis: 3 }),
    expect: { nodeId: 'm', field: 'axis' },
  },
  {
    code: 'dangling_edge',
    what: 'an edge from a deleted node',
    doc: graph([node('in', 'input', { shape: [4] })], [edge('gone', 'in', { id: 'e1' })]),
    expect: { edgeId: 'e1' },
  },
  {
    code: 'bad_port',
    what: 'a malformed handle',
    doc: graph([node('in', 'input', { shape: [4] }), node('d', 'dense')], [{ id: 'e1', source: 'in', target: 'd', targetHandle: 'left' }]),
    expect: { edgeId: 'e1', nodeId: 'd' },
  },
  {
    code: 'bad_port',
    what: 'an output port the layer does not have',
    doc: graph(
      [node('in', 'input', { shape: [5, 4] }), node('l', 'lstm', { units: 3 }), node('d', 'dense')],
      [edge('in', 'l'), edge('l', 'd', { from: 2, id: 'e2' })],
    ),
    expect: { edgeId: 'e2', nodeId: 'l', field: 'out:2' },
  },
  {
    code: 'cycle',
    what: 'a loop',
    doc: graph(
      [node('in', 'input', { shape: [4] }), node('a', 'add'), node('b', 'dense', { units: 4 })],
      [edge('in', 'a', { to: 0 }), edge('b', 'a', { to: 1 }), edge('a', 'b')],
    ),
    expect: { nodeId: 'a' },
  },
  {
    code: 'missing_input',
    what: 'a dense with no input',
    doc: graph([node('in', 'input', { shape: [4] }), node('d', 'dense')], []),
    expect: { nodeId: 'd' },
  },
  { code: 'missing_input', what: 'an add with one input', doc: chain([4], [['add']]), expect: { nodeId: 'n1' } },
  {
    code: 'too_many_inputs',
    what: 'a dense with two inputs',
    doc: graph(
      [node('a', 'input', { shape: [4] }), node('b', 'input', { shape: [4] }), node('d', 'dense')],
      [edge('a', 'd'), edge('b', 'd', { id: 'second' })],
    ),
    expect: { nodeId: 'd', edgeId: 'second', field: 'in:1' },
  },
  {
    code: 'too_many_inputs',
    what: 'an edge into an Input',
    doc: graph(
      [node('a', 'input', { shape: [4] }), node('b', 'input', { shape: [4] }), node('d', 'dense')],
      [edge('a', 'b'), edge('b', 'd')],
    ),
    expect: { nodeId: 'b', edgeId: 'a->b', field: 'in:0' },
  },
  {
    code: 'rank_mismatch',
    what: 'a Conv2D on vectors',
    doc: chain([16], [['conv2d']]),
    expect: { nodeId: 'n1', edgeId: 'n0->n1', field: 'in:0' },
  },
  {
    code: 'rank_mismatch',
    what: 'an LSTM on images',
    doc: chain([8, 8, 3], [['lstm']]),
    expect: { nodeId: 'n1', edgeId: 'n0->n1', field: 'in:0' },
  },
  {
    code: 'shape_mismatch',
    what: 'a Dense on an unknown last axis',
    doc: chain([null], [['dense']]),
    expect: { nodeId: 'n1', edgeId: 'n0->n1', field: 'in:0' },
  },
  {
    code: 'shape_mismatch',
    what: 'a Reshape that changes the size',
    doc: chain([12], [['reshape', { targetShape: [5, 2] }]]),
    expect: { nodeId: 'n1' },
  },
  {
    code: 'merge_shape_mismatch',
    what: 'an Add of 4 and 5 features',
    doc: two([4], [5], 'add'),
    expect: { nodeId: 'm', edgeId: 'b->m', field: 'in:1' },
  },
  {
    code: 'merge_shape_mismatch',
    what: 'a Concatenate of different ranks',
    doc: two([4], [2, 4], 'concatenate'),
    expect: { nodeId: 'm', edgeId: 'b->m', field: 'in:1' },
  },
  {
    code: 'invalid_shape',
    what: 'a kernel larger than the image',
    doc: chain([3, 3, 1], [['conv2d', { kernelSize: 5 }]]),
    expect: { nodeId: 'n1' },
  },
  { code: 'no_input', what: 'an empty graph', doc: graph([], []), expect: {} },
  { code: 'no_output', what: 'only an Input', doc: graph([node('in', 'input', { shape: [4] })], []), expect: {} },
  {
    code: 'unused_node',
    what: 'a branch that leads nowhere',
    doc: graph([node('in', 'input', { shape: [4] }), node('d', 'dense'), node('side', 'dense')], [edge('in', 'd'), edge('in', 'side')], {
      outputs: ['d'],
    }),
    expect: { nodeId: 'side', severity: 'warning' },
  },
  {
    code: 'unknown_output',
    what: 'an output naming no node',
    doc: graph([node('in', 'input', { shape: [4] }), node('d', 'dense')], [edge('in', 'd')], { outputs: ['ghost', 'd'] }),
    expect: { field: 'outputs' },
  },
  {
    code: 'unknown_output',
    what: 'an output port the node lacks',
    doc: graph([node('in', 'input', { shape: [4] }), node('d', 'dense')], [edge('in', 'd')], { outputs: ['d:1'] }),
    expect: { nodeId: 'd', field: 'outputs' },
  },
];

/** Codes only the importer and the compiler raise (tested in tests/engine/import). */
const IMPORT_AND_COMPILE_CODES: DiagnosticCode[] = [
  'import_failed',
  'import_placeholder',
  'weights_mismatch',
  'unsupported_feature',
  // Raised by the ONNX and Caffe importers and the ONNX export (tests/engine/onnx, tests/engine/caffe).
  'import_approximated',
  'export_unsupported',
];
/** Codes reserved in the catalog that no part of the engine raises yet. */
const RESERVED_CODES: DiagnosticCode[] = ['disconnected', 'invalid_training'];

function diagnosticsOf(doc: CodeCase['doc']): Diagnostic[] {
  if (typeof doc === 'function') {
    const parsed = parseGraph(doc());
    return parsed.ok ? analyse(parsed.doc).diagnostics : parsed.diagnostics;
  }
  return analyse(doc).diagnostics;
}

describe('every diagnostic code comes from some small graph', () => {
  it.each(CODE_CASES.map((c) => [c.code, c.what, c]))('%s: %s', (_, __, c) => {
    const found = diagnosticsOf(c.doc).filter((d) => d.code === c.code);
    expect(found.length, `no ${c.code} among ${JSON.stringify(diagnosticsOf(c.doc))}`).toBeGreaterThan(0);
    const d = found[0] as Diagnostic;
    expect(d).toMatchObject({ severity: 'error', ...c.expect });
    expect(d.message.length).toBeGreaterThan(10);
    expect(d.hint?.length ?? 0, 'a hint that says how to fix it').toBeGreaterThan(10);
  });

  it('covers the whole catalog: each code is raised above, by the importer or compiler, or reserved', () => {
    const covered = new Set([...CODE_CASES.map((c) => c.code), ...IMPORT_AND_COMPILE_CODES, ...RESERVED_CODES]);
    expect([...covered].sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).sort());
  });

  it('has no analysis raise the reserved codes', () => {
    for (const c of CODE_CASES) for (const d of diagnosticsOf(c.doc)) expect(RESERVED_CODES).not.toContain(d.code);
  });
});

describe('shapes, parameters and figures', () => {
  it('gives every node its output shape and every edge the shape it carries', () => {
    const a = analyse(
      chain(
        [28, 28, 1],
        [['conv2d', { filters: 4, kernelSize: 3 }], ['maxPooling2d', { poolSize: 2 }], ['flatten'], ['dense', { units: 10 }]],
      ),
    );
    expect(errors(a)).toEqual([]);
    expect(Object.fromEntries(Object.values(a.nodes).map((n) => [n.id, n.outputShapes]))).toEqual({
      n0: [[null, 28, 28, 1]],
      n1: [[null, 26, 26, 4]],
      n2: [[null, 13, 13, 4]],
      n3: [[null, 676]],
      n4: [[null, 10]],
    });
    expect(Object.fromEntries(Object.values(a.edges).map((e) => [e.id, [e.shape, e.ok]]))).toEqual({
      'n0->n1': [[null, 28, 28, 1], true],
      'n1->n2': [[null, 26, 26, 4], true],
      'n2->n3': [[null, 13, 13, 4], true],
      'n3->n4': [[null, 676], true],
    });
    expect(a.nodes.n1?.inputShapes).toEqual([[null, 28, 28, 1]]);
    expect(a.nodes.n1?.paramCount).toEqual({ trainable: 3 * 3 * 1 * 4 + 4, nonTrainable: 0 });
    expect(a.nodes.n4?.paramCount).toEqual({ trainable: 676 * 10 + 10, nonTrainable: 0 });
    expect(a.nodes.n4?.activationBytes).toBe(40);
    expect(a.nodes.n1?.flops).toBeGreaterThan(0);
    expect(a.outputs).toEqual([{ nodeId: 'n4', port: 0 }]);
    expect(a.inputs).toEqual(['n0']);
    expect(a.order).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
  });

  it('sums the totals over the nodes', () => {
    const a = analyse(chain([8], [['dense', { units: 4 }], ['batchNormalization'], ['dense', { units: 2 }]]));
    const nodes = Object.values(a.nodes);
    expect(a.totals).toEqual({
      trainableParams: 36 + 8 + 10,
      nonTrainableParams: 8,
      params: 36 + 8 + 10 + 8,
      flops: nodes.reduce((n, x) => n + (x.flops ?? 0), 0),
      activationBytes: nodes.reduce((n, x) => n + (x.activationBytes ?? 0), 0),
      complete: true,
    });
  });

  it('marks totals incomplete when a node cannot be analysed, and sums the rest', () => {
    const a = analyse(
      chain(
        [8],
        [
          ['dense', { units: 4 }],
          ['dense', { units: -4 }],
        ],
      ),
    );
    expect(a.totals.complete).toBe(false);
    expect(a.totals.params).toBe(36);
  });

  it('moves the parameters of a frozen layer (trainable: false) to non-trainable', () => {
    const doc = chain([8], [['dense', { units: 4 }], ['batchNormalization']]);
    const frozen = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, trainable: false })) };
    const before = analyse(doc);
    const after = analyse(frozen);
    expect(before.nodes.n1?.paramCount).toEqual({ trainable: 36, nonTrainable: 0 });
    expect(after.nodes.n1?.paramCount).toEqual({ trainable: 0, nonTrainable: 36 });
    expect(after.nodes.n2?.paramCount).toEqual({ trainable: 0, nonTrainable: 16 });
    expect(after.totals).toMatchObject({ trainableParams: 0, nonTrainableParams: 52, params: before.totals.params });
  });

  it('carries unknown dimensions through as null', () => {
    const a = analyse(
      chain([null, 8], [['lstm', { units: 4, returnSequences: true }], ['dense', { units: 3 }], ['globalAveragePooling1d']]),
    );
    expect(errors(a)).toEqual([]);
    expect(a.nodes.n1?.outputShapes).toEqual([[null, null, 4]]);
    expect(a.nodes.n2?.outputShapes).toEqual([[null, null, 3]]);
    expect(a.nodes.n3?.outputShapes).toEqual([[null, 3]]);
    expect(a.edges['n1->n2']?.shape).toEqual([null, null, 4]);
    expect(a.nodes.n2?.paramCount).toEqual({ trainable: 15, nonTrainable: 0 });
    // Per-sample memory of a tensor with an unknown axis is not known: counted as zero, not NaN.
    for (const n of Object.values(a.nodes)) expect(Number.isFinite(n.activationBytes)).toBe(true);
  });

  it('carries unknown spatial sizes through convolutions', () => {
    const a = analyse(
      chain([null, null, 3], [['conv2d', { filters: 8, kernelSize: 3, padding: 'same' }], ['globalMaxPooling2d'], ['dense', { units: 2 }]]),
    );
    expect(errors(a)).toEqual([]);
    expect(a.nodes.n1?.outputShapes).toEqual([[null, null, null, 8]]);
    expect(a.nodes.n3?.outputShapes).toEqual([[null, 2]]);
    expect(a.totals.params).toBe(3 * 3 * 3 * 8 + 8 + 8 * 2 + 2);
  });

  it('blocks the layers after a placeholder, without errors of their own', () => {
    const doc = graph(
      [
        node('in', 'input', { shape: [4] }),
        node('p', 'unsupported', { className: 'MyAttention', reason: 'custom' }),
        node('d', 'dense'),
        node('e', 'dense'),
      ],
      [edge('in', 'p'), edge('p', 'd'), edge('d', 'e')],
    );
    const a = analyse(doc);
    expect(a.nodes.p?.status).toBe('error');
    expect(a.nodes.d?.status).toBe('blocked');
    expect(a.nodes.e?.status).toBe('blocked');
    expect(a.nodes.d?.inputShapes).toEqual([null]);
    expect(errors(a).map((d) => [d.code, d.nodeId])).toEqual([['unknown_layer', 'p']]);
    expect(errors(a)[0]?.message).toContain('MyAttention');
    expect(a.edges['in->p']?.ok).toBe(true);
    expect(a.edges['p->d']).toEqual({ id: 'p->d', shape: null, ok: true });
  });

  it('blocks a merge when one branch is broken, without a merge error', () => {
    const doc = graph(
      [node('in', 'input', { shape: [4] }), node('bad', 'dense', { units: -1 }), node('good', 'dense', { units: 4 }), node('m', 'add')],
      [edge('in', 'bad'), edge('in', 'good'), edge('bad', 'm', { to: 0 }), edge('good', 'm', { to: 1 })],
    );
    const a = analyse(doc);
    expect(a.nodes.m?.status).toBe('blocked');
    expect(a.nodes.m?.inputShapes).toEqual([null, [null, 4]]);
    expect(errors(a).map((d) => d.nodeId)).toEqual(['bad']);
  });

  it('blocks the layers behind a loop and reports only the loop', () => {
    const doc = graph(
      [node('in', 'input', { shape: [4] }), node('a', 'add'), node('b', 'dense', { units: 4 }), node('after', 'dense')],
      [edge('in', 'a', { to: 0 }), edge('b', 'a', { to: 1 }), edge('a', 'b'), edge('b', 'after')],
    );
    const a = analyse(doc);
    expect(a.nodes.a?.status).toBe('error');
    expect(a.nodes.after?.status).toBe('blocked');
    expect(
      errors(a)
        .map((d) => [d.code, d.nodeId])
        .sort(),
    ).toEqual([
      ['cycle', 'a'],
      ['cycle', 'b'],
    ]);
    expect(a.edges['a->b']?.ok).toBe(false);
    expect(a.edges['b->after']?.ok).toBe(true);
    expect(a.edges['in->a']?.ok).toBe(true);
  });

  it('draws the edge at fault red and leaves the others alone', () => {
    const a = analyse(two([4], [5], 'add'));
    expect(a.edges['a->m']?.ok).toBe(true);
    expect(a.edges['b->m']?.ok).toBe(false);
  });

  it('routes each output of an LSTM with returnState through its own port', () => {
    const doc = graph(
      [
        node('in', 'input', { shape: [10, 6] }),
        node('rnn', 'lstm', { units: 5, returnSequences: true, returnState: true }),
        node('seq', 'globalAveragePooling1d'),
        node('h', 'dense', { units: 2 }),
        node('c', 'dense', { units: 3 }),
      ],
      [edge('in', 'rnn'), edge('rnn', 'seq', { from: 0 }), edge('rnn', 'h', { from: 1 }), edge('rnn', 'c', { from: 2 })],
    );
    const a = analyse(doc);
    expect(errors(a)).toEqual([]);
    expect(a.nodes.rnn?.outputShapes).toEqual([
      [null, 10, 5],
      [null, 5],
      [null, 5],
    ]);
    expect(a.edges['rnn->seq']?.shape).toEqual([null, 10, 5]);
    expect(a.edges['rnn->h']?.shape).toEqual([null, 5]);
    expect(a.edges['rnn->c']?.shape).toEqual([null, 5]);
    expect(a.nodes.c?.paramCount?.trainable).toBe(5 * 3 + 3);
    expect(a.nodes.rnn?.activationBytes).toBe(4 * (50 + 5 + 5));
  });

  it('lists every output port of a sink with several outputs', () => {
    const a = analyse(chain([10, 6], [['gru', { units: 3, returnState: true }]]));
    expect(a.outputs).toEqual([
      { nodeId: 'n1', port: 0 },
      { nodeId: 'n1', port: 1 },
    ]);
  });
});

describe('explicit outputs', () => {
  const doc = (outputs: string[]) =>
    graph(
      [
        node('in', 'input', { shape: [6, 4] }),
        node('rnn', 'lstm', { units: 3, returnState: true }),
        node('mid', 'dense', { units: 5 }),
        node('end', 'dense', { units: 2 }),
      ],
      [edge('in', 'rnn'), edge('rnn', 'mid'), edge('mid', 'end')],
      { outputs },
    );

  it('takes an intermediate node as an output, in the order given', () => {
    const a = analyse(doc(['end', 'mid']));
    expect(a.outputs).toEqual([
      { nodeId: 'end', port: 0 },
      { nodeId: 'mid', port: 0 },
    ]);
    expect(errors(a)).toEqual([]);
  });

  it('reads node:port references', () => {
    const a = analyse(doc(['rnn:2', 'end']));
    expect(a.outputs).toEqual([
      { nodeId: 'rnn', port: 2 },
      { nodeId: 'end', port: 0 },
    ]);
  });

  it('prefers a node whose id itself contains a colon', () => {
    const d = graph([node('in', 'input', { shape: [4] }), node('x:1', 'dense')], [edge('in', 'x:1')], { outputs: ['x:1'] });
    expect(analyse(d).outputs).toEqual([{ nodeId: 'x:1', port: 0 }]);
  });

  it('warns about layers that feed no listed output', () => {
    const a = analyse(doc(['mid']));
    expect(a.diagnostics.filter((d) => d.code === 'unused_node').map((d) => d.nodeId)).toEqual(['end']);
  });

  it('refuses a port beyond the node’s outputs', () => {
    const a = analyse(doc(['rnn:3']));
    expect(errors(a).map((d) => d.code)).toEqual(['unknown_output', 'no_output']);
  });
});

describe('incremental analysis', () => {
  const BRANCH_EVERY = 20;
  /** A 200-node chain of Dense layers, a side branch every 20 nodes, and Adds joining each branch back. */
  function bigGraph(): GraphDoc {
    const nodes = [node('in', 'input', { shape: [16] })];
    const edges = [];
    let previous = 'in';
    for (let i = 1; i <= 200; i++) {
      nodes.push(node(`c${i}`, 'dense', { units: 16 }));
      edges.push(edge(previous, `c${i}`));
      previous = `c${i}`;
      if (i % BRANCH_EVERY === 0 && i < 200) {
        const k = i / BRANCH_EVERY;
        nodes.push(node(`b${k}`, 'dense', { units: 16, activation: 'relu' }), node(`a${k}`, 'add'));
        edges.push(edge(`c${i}`, `b${k}`), edge(`b${k}`, `a${k}`, { to: 0 }), edge(`c${i + 5}`, `a${k}`, { to: 1 }));
      }
    }
    return graph(nodes, edges);
  }

  /** Ids whose analysis was computed afresh: the reused ones are the very same objects. */
  const recomputedIds = (before: Analysis, after: Analysis) =>
    Object.keys(after.nodes)
      .filter((id) => after.nodes[id] !== before.nodes[id])
      .sort();

  const withNode = (doc: GraphDoc, id: string, change: (n: GraphDoc['nodes'][number]) => GraphDoc['nodes'][number]): GraphDoc => ({
    ...doc,
    nodes: doc.nodes.map((n) => (n.id === id ? change(n) : n)),
  });

  function expectSameAsFresh(incremental: Analysis, doc: GraphDoc): void {
    const fresh = analyse(doc);
    expect({ ...incremental, stats: null }).toEqual({ ...fresh, stats: null });
    expect(fresh.stats.reused).toBe(0);
  }

  const doc = bigGraph();
  const first = analyse(doc);

  it('analyses the whole graph the first time, without errors', () => {
    expect(errors(first)).toEqual([]);
    expect(first.stats).toEqual({ recomputed: doc.nodes.length, reused: 0 });
    expect(doc.nodes.length).toBe(1 + 200 + 2 * 9);
  });

  it('reuses everything when nothing changed, and when only positions changed', () => {
    expect(analyse(doc, first).stats).toEqual({ recomputed: 0, reused: doc.nodes.length });
    const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: n.position.x + 10, y: 3 } })) };
    expect(analyse(moved, first).stats.recomputed).toBe(0);
  });

  it('recomputes an edited node and exactly the nodes whose input shapes changed', () => {
    const edited = withNode(doc, 'c100', (n) => ({ ...n, params: { ...n.params, units: 8 } }));
    const next = analyse(edited, first);
    // c100 itself; c101 and the branch b5 now receive 8 features; c101 still gives 16, so it stops there.
    expect(recomputedIds(first, next)).toEqual(['b5', 'c100', 'c101']);
    expect(next.stats).toEqual({ recomputed: 3, reused: doc.nodes.length - 3 });
    expect(next.nodes.c101?.inputShapes).toEqual([[null, 8]]);
    expectSameAsFresh(next, edited);
  });

  it('recomputes only the edited node when its output shape does not change', () => {
    const edited = withNode(doc, 'c50', (n) => ({ ...n, params: { ...n.params, activation: 'tanh' } }));
    const next = analyse(edited, first);
    expect(recomputedIds(first, next)).toEqual(['c50']);
    expect(next.stats.recomputed).toBe(1);
    expectSameAsFresh(next, edited);
  });

  it('follows a shape change to the end of the chain', () => {
    const edited = withNode(doc, 'in', (n) => ({ ...n, params: { shape: [12] } }));
    const next = analyse(edited, first);
    expect(recomputedIds(first, next)).toEqual(['c1', 'in']);
    expectSameAsFresh(next, edited);
  });

  it('recomputes what an edit breaks, and what it mends again', () => {
    const broken = withNode(doc, 'c10', (n) => ({ ...n, params: { units: -1 } }));
    const next = analyse(broken, first);
    const blocked = Object.values(next.nodes).filter((n) => n.status === 'blocked');
    expect(recomputedIds(first, next)).toEqual(['c10', ...blocked.map((n) => n.id)].sort());
    expect(next.stats.recomputed).toBe(1 + blocked.length);
    expectSameAsFresh(next, broken);
    const mended = analyse(doc, next);
    expect(mended.stats.recomputed).toBe(1 + blocked.length);
    expectSameAsFresh(mended, doc);
  });

  it('recomputes only the target when an edge is added', () => {
    const added = { ...doc, edges: [...doc.edges, edge('c150', 'a3', { to: 2 })] };
    const next = analyse(added, first);
    expect(recomputedIds(first, next)).toEqual(['a3']);
    expect(next.nodes.a3?.inputShapes).toHaveLength(3);
    expectSameAsFresh(next, added);
  });

  it('recomputes only the target when an edge is removed', () => {
    const removed = { ...doc, edges: doc.edges.filter((e) => e.id !== 'b4->a4') };
    const next = analyse(removed, first);
    expect(recomputedIds(first, next)).toEqual(['a4']);
    expect(next.nodes.a4?.status).toBe('error');
    expectSameAsFresh(next, removed);
  });

  it('recomputes only the renamed node (its layer name changes, its shapes do not)', () => {
    const renamed = withNode(doc, 'c70', (n) => ({ ...n, name: 'middle' }));
    const next = analyse(renamed, first);
    expect(recomputedIds(first, next)).toEqual(['c70']);
    expect(next.nodes.c70?.layerName).toBe('middle');
    expectSameAsFresh(next, renamed);
  });

  it('recomputes both nodes whose layer names a rename swaps', () => {
    const clash = withNode(doc, 'c3', (n) => ({ ...n, name: 'c5' }));
    const next = analyse(clash, first);
    expect(recomputedIds(first, next)).toEqual(['c3', 'c5']);
    expect([next.nodes.c3?.layerName, next.nodes.c5?.layerName]).toEqual(['c5', 'c5_2']);
    expectSameAsFresh(next, clash);
  });

  it('recomputes a node whose trainable flag changed', () => {
    const frozen = withNode(doc, 'c20', (n) => ({ ...n, trainable: false }));
    const next = analyse(frozen, first);
    expect(recomputedIds(first, next)).toEqual(['c20']);
    expectSameAsFresh(next, frozen);
  });

  it('orders afresh when the node ids change, even when the edges array is the same', () => {
    const removed = { ...doc, nodes: doc.nodes.filter((n) => n.id !== 'b2') };
    const next = analyse(removed, first);
    expect(next.order).not.toContain('b2');
    expect(next.diagnostics.some((d) => d.code === 'dangling_edge')).toBe(true);
    expectSameAsFresh(next, removed);
    const reversed = { ...doc, nodes: [...doc.nodes].reverse() };
    expectSameAsFresh(analyse(reversed, first), reversed);
  });

  it('chains: each analysis can be the previous of the next', () => {
    let previous = first;
    let current = doc;
    for (const units of [4, 5, 6]) {
      current = withNode(current, 'c30', (n) => ({ ...n, params: { ...n.params, units } }));
      previous = analyse(current, previous);
      expect(previous.stats.recomputed).toBe(2);
    }
    expectSameAsFresh(previous, current);
  });
});

describe('analysis never throws', () => {
  it.each([
    ['a node whose params are not an object', { params: null }],
    ['a node whose params are an array', { params: [1, 2] }],
    ['a node without params', { params: undefined }],
  ])('on %s (a document that skipped parsing)', (_, patch) => {
    const doc = chain([4], [['dense']]);
    const broken = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'n1' ? { ...n, ...patch } : n)) } as unknown as GraphDoc;
    const a = analyse(broken);
    expect(a.nodes.n1?.status).toBe('error');
    expect(a.diagnostics.some((d) => d.nodeId === 'n1')).toBe(true);
  });

  it('on a value that is not a document at all', () => {
    for (const value of [null, undefined, 42, 'graph', {}, { nodes: 'x', edges: 3 }]) {
      const a = analyse(value as unknown as GraphDoc);
      expect(a.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('on a previous analysis that belongs to another graph', () => {
    const other = analyse(chain([3, 3, 1], [['conv2d']]));
    const doc = chain([4], [['dense', { units: 2 }]]);
    const a = analyse(doc, other);
    expectNoErrors(a);
    expect(a).toMatchObject({ ...analyse(doc), stats: expect.anything() });
  });
});

function expectNoErrors(a: Analysis): void {
  expect(errors(a)).toEqual([]);
}
