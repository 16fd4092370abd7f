import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { compileGraph } from '../../../engine/compile/compile';
import { isLayerIssue } from '../../../engine/diagnostics';
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDoc, type GraphEdge, type GraphNode } from '../../../engine/graph/schema';
import { paramsFromKerasConfig } from '../../../engine/keras/config';
import { layerSpec, layersInCategory } from '../../../engine/layers/registry';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const node = (id: string, type: string, params: Record<string, unknown>, extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  type,
  params,
  position: { x: 0, y: 0 },
  ...extra,
});
const edge = (source: string, target: string, port = 0): GraphEdge => ({
  id: `${source}:${port}->${target}`,
  source,
  target,
  ...(port > 0 ? { sourceHandle: `out:${port}` } : {}),
});
const graph = (nodes: GraphNode[], edges: GraphEdge[]): GraphDoc => ({ format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes, edges });

describe('recurrent layers in a graph', () => {
  it('feeds each output of an LSTM with returnState to its own edge, and compiles to the same shapes', () => {
    const doc = graph(
      [
        node('in', 'input', { shape: [12, 8] }),
        node('rnn', 'lstm', { units: 4, returnSequences: true, returnState: true }),
        node('steps', 'timeDistributed', { layer: { type: 'dense', params: { units: 2 } } }),
        node('memory', 'dense', { units: 3 }),
      ],
      [edge('in', 'rnn'), edge('rnn', 'steps', 0), edge('rnn', 'memory', 2)],
    );
    const analysis = analyse(doc);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.nodes.rnn?.outputShapes).toEqual([
      [null, 12, 4],
      [null, 4],
      [null, 4],
    ]);
    expect(analysis.edges['rnn:2->memory']?.shape).toEqual([null, 4]);
    expect(analysis.totals.params).toBe(208 + 10 + 15);
    const compiled = compileGraph(tf, doc, analysis);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
    expect(compiled.model.countParams()).toBe(analysis.totals.params);
    const outputs = compiled.model.predict(tf.zeros([2, 12, 8])) as tf.Tensor[];
    expect(outputs.map((t) => t.shape)).toEqual([
      [2, 12, 2],
      [2, 3],
    ]);
  });

  it('gives a Bidirectional without merge two outputs and two sets of states, and freezes both directions', () => {
    const doc = graph(
      [
        node('in', 'input', { shape: [null, 5] }),
        node(
          'bi',
          'bidirectional',
          { layer: { type: 'lstm', params: { units: 3, returnState: true } }, mergeMode: null },
          { trainable: false },
        ),
        node('head', 'dense', { units: 1 }),
      ],
      [edge('in', 'bi'), edge('bi', 'head', 5)],
    );
    const analysis = analyse(doc);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.nodes.bi?.outputShapes).toHaveLength(6);
    expect(layerSpec('bidirectional')?.outputCount?.(analysis.nodes.bi?.params)).toBe(6);
    expect(analysis.nodes.bi?.paramCount).toEqual({ trainable: 0, nonTrainable: 2 * 4 * (5 * 3 + 9 + 3) });
    const compiled = compileGraph(tf, doc, analysis);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
    expect(compiled.model.trainableWeights.map((w) => w.originalName)).toEqual(['head/kernel', 'head/bias']);
    expect((compiled.model.predict(tf.zeros([2, 7, 5])) as tf.Tensor).shape).toEqual([2, 1]);
  });
});

describe('wrapped layer validation', () => {
  const issues = (type: string, params: Record<string, unknown>) => {
    const doc = graph([node('in', 'input', { shape: [6, 4] }), node('w', type, params)], [edge('in', 'w')]);
    return analyse(doc).diagnostics.filter((d) => d.nodeId === 'w');
  };

  it('reports an invalid inner setting at layer.<name>', () => {
    const [d] = issues('bidirectional', { layer: { type: 'lstm', params: { units: 0 } } });
    expect(d).toMatchObject({ code: 'invalid_param', field: 'layer.units' });
  });

  it('reports an unknown inner setting at layer.<name>', () => {
    const [d] = issues('timeDistributed', { layer: { type: 'dense', params: { units: 2, size: 3 } } });
    expect(d).toMatchObject({ code: 'invalid_param', field: 'layer.size' });
  });

  it('only lets Bidirectional wrap recurrent layers', () => {
    const [d] = issues('bidirectional', { layer: { type: 'dense', params: {} } });
    expect(d).toMatchObject({ code: 'invalid_param', field: 'layer.type' });
    expect(d?.message).toMatch(/recurrent layer/);
  });

  it('refuses a multi-output layer inside TimeDistributed', () => {
    const [d] = issues('timeDistributed', { layer: { type: 'lstm', params: { units: 2, returnState: true } } });
    expect(d).toMatchObject({ code: 'invalid_param', field: 'layer.type' });
    expect(d?.message).toMatch(/returnState/);
  });

  it('explains a shape the wrapped layer cannot take per time step', () => {
    const spec = layerSpec('timeDistributed');
    const params = spec?.params.parse({ layer: { type: 'conv2d', params: { filters: 2 } } });
    const result = spec?.outputShape([[null, 28, 28, 1]], params);
    expect(isLayerIssue(result) && result.message).toMatch(/Conv2D expects 3 dimensions per step, but gets 2/);
  });

  it('turns an unknown Keras class inside a wrapper into a layer.type problem', () => {
    const spec = layerSpec('timeDistributed');
    if (!spec) throw new Error('no spec');
    const { params } = paramsFromKerasConfig(spec, { layer: { class_name: 'MyCustomLayer', config: {} } });
    const parsed = spec.params.safeParse(params);
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['layer', 'type']]);
  });
});

describe('recurrent layers on inputs they cannot read', () => {
  it('says what to add in front of an LSTM fed a flat vector', () => {
    const spec = layerSpec('lstm');
    const result = spec?.outputShape([[null, 16]], spec.params.parse({}));
    expect(result).toMatchObject({ code: 'rank_mismatch', port: 0 });
    expect(isLayerIssue(result) && result.hint).toMatch(/Reshape.*Embedding/);
  });

  it('refuses ConvLSTM2D strides > 1 with dilation > 1, which TF.js only fails on at run time', () => {
    const spec = layerSpec('convLstm2d');
    const result = spec?.outputShape([[null, 4, 10, 10, 1]], spec.params.parse({ strides: 2, dilationRate: 2 }));
    expect(result).toMatchObject({ code: 'invalid_param', field: 'dilationRate' });
  });
});

describe('recurrent and wrapper specs', () => {
  const specs = [...layersInCategory('recurrent'), ...layersInCategory('wrapper')];

  it('are all registered', () => {
    expect(specs.map((s) => s.type).sort()).toEqual(['bidirectional', 'convLstm2d', 'gru', 'lstm', 'simpleRnn', 'timeDistributed']);
  });

  for (const spec of specs) {
    it(`${spec.type} describes every param`, () => {
      const shape = (spec.params as unknown as { shape: Record<string, { description?: string }> }).shape;
      for (const [key, field] of Object.entries(shape)) expect(field.description, key).toBeTruthy();
    });
  }
});
