import { describe, expect, it } from 'vitest';
import { canonicalLayer } from '../../../engine/compare/canonical-layer';
import { compareModels } from '../../../engine/compare/compare-models';
import { summaryLine } from '../../../engine/compare/comparison-words';
import { nameKey } from '../../../engine/compare/layer-facts';
import { nodeWeightsFromNamed, nodeWeightsFromPacked } from '../../../engine/compare/node-weights';
import { weightDeltas } from '../../../engine/compare/weight-deltas';
import { GraphBuilder } from '../../../engine/templates/builder';

type Layer = [type: string, params?: Record<string, unknown>, name?: string];

/** A chain of layers after a 28×28×1 or 8-value input; names suffixed as an ONNX import would when `suffix` is set. */
function chain(layers: Layer[], options: { input?: number[]; suffix?: string } = {}) {
  const g = new GraphBuilder();
  let at = g.add('input', { shape: options.input ?? [8] }, [], 'input_1');
  for (const [type, params, name] of layers) at = g.add(type, params ?? {}, [at], name ? `${name}${options.suffix ?? ''}` : undefined);
  return g.build('test');
}

const summary = (a: Layer[], b: Layer[], input?: number[]) =>
  compareModels({ doc: chain(a, { input }) }, { doc: chain(b, { input, suffix: '_Gemm' }) }).summary;

describe('alignment of graphs that share no ids', () => {
  const dense = (units: number, activation = 'relu'): Layer => ['dense', { units, activation }];
  it.each<{ case: string; a: Layer[]; b: Layer[]; want: Partial<ReturnType<typeof summary>> }>([
    { case: 'the same chain', a: [dense(16), dense(4)], b: [dense(16), dense(4)], want: { matched: 3, changed: 0, identical: true } },
    {
      case: 'one changed width',
      a: [dense(16), dense(8), dense(4)],
      b: [dense(16), dense(6), dense(4)],
      want: { matched: 4, changed: 1, onlyA: 0, onlyB: 0, identical: false },
    },
    { case: 'a layer added', a: [dense(16), dense(4)], b: [dense(16), dense(12), dense(4)], want: { matched: 3, onlyB: 1, onlyA: 0 } },
    { case: 'a layer removed', a: [dense(16), dense(12), dense(4)], b: [dense(16), dense(4)], want: { matched: 3, onlyA: 1, onlyB: 0 } },
    {
      case: 'a ReLU layer is an Activation(relu)',
      a: [dense(16, 'linear'), ['relu'], dense(4)],
      b: [dense(16, 'linear'), ['activation', { activation: 'relu' }], dense(4)],
      want: { matched: 4, changed: 0, identical: true },
    },
    {
      case: 'an activation fused into the layer before',
      a: [dense(16, 'linear'), ['relu'], dense(4)],
      b: [dense(16, 'relu'), dense(4)],
      want: { matched: 3, equivalent: 1, changed: 0, onlyA: 0, identical: true },
    },
    {
      case: 'dropout only in one side',
      a: [dense(16), ['dropout', { rate: 0.5 }], dense(4)],
      b: [dense(16), dense(4)],
      want: { matched: 3, equivalent: 1, onlyA: 0, identical: true },
    },
    {
      case: 'training-only settings are set aside',
      a: [['dense', { units: 16, kernelInitializer: 'heNormal', kernelRegularizer: { l2: 0.01 } }]],
      b: [['dense', { units: 16 }]],
      want: { matched: 2, changed: 0, identical: true },
    },
    { case: 'different kinds do not pair', a: [dense(16)], b: [['flatten']], want: { matched: 1, onlyA: 1, onlyB: 1 } },
  ])('$case', ({ a, b, want }) => {
    expect(summary(a, b)).toMatchObject(want);
  });

  it('names the setting that differs', () => {
    const c = compareModels({ doc: chain([['dense', { units: 128 }, 'fc']]) }, { doc: chain([['dense', { units: 64 }, 'fc']]) });
    expect(c.matches.find((m) => m.a.name === 'fc')).toMatchObject({
      status: 'changed',
      by: 'name',
      changes: [{ path: 'params.units', kind: 'changed', before: 128, after: 64 }],
    });
  });

  it('pairs layers by name across ONNX operation suffixes, whatever their order', () => {
    const g = new GraphBuilder();
    const x = g.add('input', { shape: [8] }, [], 'input_1');
    const left = g.add('dense', { units: 4 }, [x], 'left');
    const right = g.add('dense', { units: 4 }, [x], 'right');
    g.add('add', {}, [left, right], 'sum');
    const h = new GraphBuilder();
    const y = h.add('input', { shape: [8] }, [], 'input_1');
    const r = h.add('dense', { units: 4 }, [y], '/right/Gemm');
    const l = h.add('dense', { units: 4 }, [y], '/left/Gemm');
    h.add('add', {}, [r, l], 'sum_Add');
    const c = compareModels({ doc: g.build('a') }, { doc: h.build('b') });
    expect(c.matches.map((m) => [m.a.name, m.b.name])).toEqual([
      ['input_1', 'input_1'],
      ['left', '/left/Gemm'],
      ['right', '/right/Gemm'],
      ['sum', 'sum_Add'],
    ]);
    expect(c.summary.identical).toBe(true);
  });

  it('reports a rewired connection between matched layers', () => {
    const build = (skip: 'a' | 'b') => {
      const g = new GraphBuilder();
      const x = g.add('input', { shape: [8] }, [], 'input_1');
      const a = g.add('dense', { units: 8 }, [x], 'a');
      const b = g.add('dense', { units: 8 }, [a], 'b');
      g.add('add', {}, [skip === 'a' ? a : x, b], 'sum');
      return g.build('skip');
    };
    const c = compareModels({ doc: build('a') }, { doc: build('b') });
    expect(c.connections).toEqual({ onlyA: [['a', 'sum']], onlyB: [['input_1', 'sum']] });
    expect(c.summary.identical).toBe(false);
  });

  it('says it in one line', () => {
    const c = compareModels(
      {
        doc: chain([
          ['dense', { units: 8 }],
          ['dense', { units: 4 }],
        ]),
      },
      { doc: chain([['dense', { units: 6 }]]) },
    );
    expect(summaryLine(c.summary, { a: 'the design', b: 'the file' })).toBe('2 of 3 layers matched · 1 changed · 1 only in the design');
  });
});

describe('canonical layers', () => {
  it.each<[string, Record<string, unknown>, ReturnType<typeof canonicalLayer>]>([
    ['relu', { maxValue: null }, { type: 'activation', params: { activation: 'relu' } }],
    ['relu', { maxValue: 6 }, { type: 'activation', params: { activation: 'relu6' } }],
    ['relu', { maxValue: 3 }, { type: 'relu', params: { maxValue: 3 } }],
    ['softmax', { axis: -1 }, { type: 'activation', params: { activation: 'softmax' } }],
    ['maxPooling2d', { poolSize: [2, 2], strides: null }, { type: 'maxPooling2d', params: { poolSize: [2, 2], strides: [2, 2] } }],
    ['batchNormalization', { momentum: 0.99, epsilon: 1e-3 }, { type: 'batchNormalization', params: { epsilon: 1e-3 } }],
  ])('%s %j', (type, params, want) => {
    expect(canonicalLayer(type, params)).toEqual(want);
  });

  it.each([
    ['/conv1/Conv', 'conv1'],
    ['conv2d_1_Conv', 'conv2d_1'],
    ['dense_3_Gemm', 'dense_3'],
    ['features.0', 'features_0'],
    ['Conv_0', 'conv_0'],
  ])('name key of %s is %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe('weights', () => {
  const f32 = (...v: number[]) => new Float32Array(v);
  it.each([
    { case: 'equal', b: f32(1, 2), want: 0 },
    { case: 'one value off', b: f32(1, 2.5), want: 0.5 },
  ])('max |Δ| when $case', ({ b, want }) => {
    expect(weightDeltas([{ name: 'bias', shape: [2], values: f32(1, 2) }], [{ name: 'bias', shape: [2], values: b }])).toEqual([
      { name: 'bias', shapeA: [2], shapeB: [2], maxAbsDiff: want },
    ]);
  });

  it('pairs tensors by position when the names differ, and says when the shapes do', () => {
    const deltas = weightDeltas(
      [{ name: 'kernel', shape: [2, 1], values: f32(1, 2) }],
      [
        { name: 'W', shape: [1, 2], values: f32(1, 2) },
        { name: 'b', shape: [1], values: f32(0) },
      ],
    );
    expect(deltas).toEqual([
      { name: 'kernel', shapeA: [2, 1], shapeB: [1, 2], maxAbsDiff: null },
      { name: 'b', shapeB: [1], maxAbsDiff: null },
    ]);
  });

  it('groups named weights by node and decodes packed ones', () => {
    const doc = chain([['dense', { units: 2 }, 'fc']]);
    const named = nodeWeightsFromNamed(doc, { 'fc/kernel': { values: f32(1, 2, 3), shape: [3, 1], dtype: 'float32' } });
    expect(named).toEqual({ fc: [{ name: 'kernel', shape: [3, 1], values: f32(1, 2, 3) }] });
    const packed = nodeWeightsFromPacked({
      data: new Uint8Array(f32(1, 2, 3, 4).buffer),
      specs: [
        { name: 'fc_layer/kernel', shape: [3], dtype: 'float32' },
        { name: 'fc_layer/bias', shape: [1], dtype: 'float32' },
      ],
      layerNodes: { fc_layer: 'fc' },
    });
    expect(packed).toEqual({
      fc: [
        { name: 'kernel', shape: [3], values: f32(1, 2, 3) },
        { name: 'bias', shape: [1], values: f32(4) },
      ],
    });
  });

  it('a pair whose weights differ beyond the tolerance is changed', () => {
    const doc = chain([['dense', { units: 1 }, 'fc']]);
    const w = (v: number) => ({ fc: [{ name: 'bias', shape: [1], values: f32(v) }] });
    expect(compareModels({ doc, weights: w(1) }, { doc, weights: w(1 + 1e-7) }).summary).toMatchObject({ identical: true, changed: 0 });
    const c = compareModels({ doc, weights: w(1) }, { doc, weights: w(1.5) });
    expect(c.summary).toMatchObject({ identical: false, changed: 1, weights: { tensors: 1, maxAbsDiff: 0.5, differing: 1 } });
  });
});
