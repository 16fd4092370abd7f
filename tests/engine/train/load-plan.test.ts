import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import { spiral } from '../../../engine/data/generated';
import type { GraphDoc } from '../../../engine/graph/schema';
import { describeLoadPlan, type WeightLoadPlan } from '../../../engine/train/load-plan';
import { layerNodesOf, loadWeightsByNode, type SavedWeights } from '../../../engine/train/node-weights';
import { disposeModel, prepareModel } from '../../../engine/train/prepare-model';
import { runJob } from '../../../engine/train/run-job';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const source = inMemoryBatchSource(spiral({ samples: 120, seed: 3 }));

/** input[2] → dense "hidden" (a) → dense "hidden" (b) → dense "head": two layers with one display name. */
function twoHidden(): GraphDoc {
  return {
    format: 'netcanvas.graph',
    version: 1,
    name: 'Two hidden',
    nodes: [
      { id: 'in', type: 'input', params: { shape: [2] }, position: { x: 0, y: 0 } },
      { id: 'a', type: 'dense', params: { units: 6, activation: 'relu' }, position: { x: 0, y: 100 }, name: 'hidden' },
      { id: 'b', type: 'dense', params: { units: 6, activation: 'relu' }, position: { x: 0, y: 200 }, name: 'hidden' },
      { id: 'head', type: 'dense', params: { units: 3, activation: 'softmax' }, position: { x: 0, y: 300 }, name: 'head' },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'a' },
      { id: 'e2', source: 'a', target: 'b' },
      { id: 'e3', source: 'b', target: 'head' },
    ],
    training: { loss: 'categoricalCrossentropy', epochs: 1, batchSize: 32 },
  } as GraphDoc;
}

/** The doc with node "a" deleted and "b" fed by the input. */
function withoutA(doc: GraphDoc): GraphDoc {
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => n.id !== 'a'),
    edges: [
      { id: 'e1', source: 'in', target: 'b' },
      { id: 'e3', source: 'b', target: 'head' },
    ],
  };
}

/** The trained weights of a doc as a run stores them: TF.js names plus the node of each layer. */
function savedFrom(doc: GraphDoc): { saved: SavedWeights; values: Map<string, number[][]> } {
  const prepared = prepareModel(tf, doc, source);
  if (!prepared.ok) throw new Error(prepared.problem);
  const tensors: tf.NamedTensorMap = {};
  for (const w of prepared.model.weights) tensors[w.originalName] = w.read().clone();
  const values = new Map<string, number[][]>();
  for (const [nodeId, layerName] of prepared.layerNames) values.set(nodeId, layerValues(prepared.model, layerName));
  const layerNodes = layerNodesOf(prepared.layerNames);
  disposeModel(prepared.model);
  return { saved: { tensors, layerNodes }, values };
}

function layerValues(model: tf.LayersModel, layerName: string): number[][] {
  return model
    .getLayer(layerName)
    .getWeights()
    .map((t) => Array.from(t.dataSync()));
}

/** Loads `saved` into `doc` by node id; returns the plan and each node's weights afterwards. */
function loadInto(doc: GraphDoc, saved: SavedWeights, policy: 'all' | 'matching') {
  const prepared = prepareModel(tf, doc, source);
  if (!prepared.ok) throw new Error(prepared.problem);
  const before = new Map([...prepared.layerNames].map(([id, name]) => [id, layerValues(prepared.model, name)]));
  const plan = loadWeightsByNode(prepared.model, prepared.layerNames, saved, policy);
  const after = new Map([...prepared.layerNames].map(([id, name]) => [id, layerValues(prepared.model, name)]));
  disposeModel(prepared.model);
  return { plan, before, after };
}

const statusOf = (plan: WeightLoadPlan) => Object.fromEntries(plan.layers.map((l) => [l.nodeId, l.status]));

describe('weights keyed by node id', () => {
  it('keeps a renamed layer’s weights', () => {
    const doc = twoHidden();
    const { saved, values } = savedFrom(doc);
    const renamed = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'b' ? { ...n, name: 'features' } : n)) };
    const { plan, after } = loadInto(renamed, saved, 'all');
    expect(plan.problem).toBeNull();
    expect(statusOf(plan)).toEqual({ a: 'loaded', b: 'loaded', head: 'loaded' });
    for (const id of ['a', 'b', 'head']) expect(after.get(id)).toEqual(values.get(id));
    tf.dispose(Object.values(saved.tensors));
  });

  it('loads nothing into the wrong layer when one of two same-named layers is deleted', () => {
    const doc = twoHidden();
    const { saved, values } = savedFrom(doc);
    // Delete "a": "b" is now the only "hidden" (before, a name-keyed load gave it a's weights, same shape).
    const deleted = withoutA(doc);
    const { plan, after, before } = loadInto(deleted, saved, 'matching');
    // b's kernel is now [2, 6], so its saved [6, 6] does not fit: it starts fresh, and a's [2, 6] goes nowhere.
    expect(statusOf(plan)).toEqual({ b: 'shape_mismatch', head: 'loaded' });
    expect(after.get('b')).toEqual(before.get('b'));
    expect(after.get('b')).not.toEqual(values.get('a'));
    expect(after.get('head')).toEqual(values.get('head'));
    expect(plan.unused).toEqual(['hidden']);
    expect(describeLoadPlan(plan)).toBe('1 layer loaded, 1 fresh (hidden: kernel [6, 6] → [2, 6]), 1 not used (hidden)');
    tf.dispose(Object.values(saved.tensors));
  });

  it('gives a same-shaped survivor its own weights, not those of the deleted layer with its name', () => {
    // input[6] so both hidden layers have [6, 6] kernels: a name-keyed load cannot tell them apart.
    const doc = twoHidden();
    doc.nodes[0] = { ...doc.nodes[0], params: { shape: [6] } } as GraphDoc['nodes'][number];
    const wide = { ...source, featureShape: [6] };
    const built = prepareModel(tf, doc, wide);
    if (!built.ok) throw new Error(built.problem);
    const tensors: tf.NamedTensorMap = {};
    for (const w of built.model.weights) tensors[w.originalName] = w.read().clone();
    const saved = { tensors, layerNodes: layerNodesOf(built.layerNames) };
    const bValues = layerValues(built.model, built.layerNames.get('b') as string);
    const aValues = layerValues(built.model, built.layerNames.get('a') as string);
    disposeModel(built.model);
    const deleted = withoutA(doc);
    const prepared = prepareModel(tf, deleted, wide);
    if (!prepared.ok) throw new Error(prepared.problem);
    expect(prepared.layerNames.get('b')).toBe('hidden'); // b took over the name a had
    const plan = loadWeightsByNode(prepared.model, prepared.layerNames, saved, 'all');
    expect(plan.problem).toBeNull();
    const loaded = layerValues(prepared.model, 'hidden');
    expect(loaded).toEqual(bValues);
    expect(loaded).not.toEqual(aValues);
    disposeModel(prepared.model);
    tf.dispose(Object.values(tensors));
  });

  it('keeps every other layer’s weights when the last Dense is replaced, and the plan says so', () => {
    const doc = twoHidden();
    const { saved, values } = savedFrom(doc);
    const replaced: GraphDoc = {
      ...doc,
      nodes: [
        ...doc.nodes.filter((n) => n.id !== 'head'),
        { id: 'head2', type: 'dense', params: { units: 3, activation: 'softmax' }, position: { x: 0, y: 300 }, name: 'head' },
      ],
      edges: [...doc.edges.filter((e) => e.target !== 'head'), { id: 'e4', source: 'b', target: 'head2' }],
    };
    const { plan, after, before } = loadInto(replaced, saved, 'matching');
    expect(statusOf(plan)).toEqual({ a: 'loaded', b: 'loaded', head2: 'fresh' });
    expect(after.get('a')).toEqual(values.get('a'));
    expect(after.get('b')).toEqual(values.get('b'));
    expect(after.get('head2')).toEqual(before.get('head2'));
    expect(describeLoadPlan(plan)).toBe('2 layers loaded, 1 fresh (head: new layer), 1 not used (head)');
    tf.dispose(Object.values(saved.tensors));
  });

  it('with policy all, refuses a changed head by name and loads nothing', () => {
    const doc = twoHidden();
    const { saved } = savedFrom(doc);
    const changed = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'head' ? { ...n, params: { ...n.params, units: 4 } } : n)) };
    const wider = { ...source, classes: ['a', 'b', 'c', 'd'] };
    const prepared = prepareModel(tf, changed, wider);
    if (!prepared.ok) throw new Error(prepared.problem);
    const before = layerValues(prepared.model, 'hidden');
    const plan = loadWeightsByNode(prepared.model, prepared.layerNames, saved, 'all');
    expect(plan.problem).toBe('The saved weights do not fit layer "head" (kernel [6, 3] → [6, 4]); nothing was loaded.');
    expect(layerValues(prepared.model, 'hidden')).toEqual(before);
    disposeModel(prepared.model);
    tf.dispose(Object.values(saved.tensors));
  });

  it('continues training from a run after a rename: the driver loads by node id and reports the plan', async () => {
    const doc = twoHidden();
    const { saved } = savedFrom(doc);
    const renamed = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'a' ? { ...n, name: 'first' } : n)) };
    let reported: WeightLoadPlan | null = null;
    const result = await runJob(
      tf,
      renamed,
      { training: { epochs: 1 } },
      {
        source,
        evaluation: false,
        initialWeights: async () => ({ weights: saved, policy: 'matching' }),
        progress: {
          started: (start) => {
            reported = start.weightPlan;
          },
        },
      },
    );
    expect(result.ok).toBe(true);
    expect(reported).not.toBeNull();
    expect(describeLoadPlan(reported as unknown as WeightLoadPlan)).toBe('3 layers loaded');
    if (result.ok) expect(result.artifacts?.layerNodes).toMatchObject({ first: 'a', hidden: 'b', head: 'head' });
  });
});
