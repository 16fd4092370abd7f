import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { compileGraph } from '../../../engine/compile/compile';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import { spiral } from '../../../engine/data/generated';
import { kerasPython } from '../../../engine/export/keras-python';
import { tfjsTypescript } from '../../../engine/export/typescript';
import { applyChanges, applyWithInverse } from '../../../engine/graph/apply-changes';
import type { Change } from '../../../engine/graph/changes';
import { cutAfterChanges } from '../../../engine/graph/cut-after';
import { blockMembers, freezeUpToChanges, trainableChanges } from '../../../engine/graph/freeze';
import { headStart, replaceHeadChanges } from '../../../engine/graph/replace-head';
import type { GraphDoc } from '../../../engine/graph/schema';
import { layerNodesOf, loadWeightsByNode, type SavedWeights } from '../../../engine/train/node-weights';
import { disposeModel, prepareModel } from '../../../engine/train/prepare-model';
import { trainFromSource } from '../../../engine/train/train-stream';

let tf: typeof tfjs;
beforeAll(async () => {
  tf = await nodeTf();
});

const at = (y: number) => ({ x: 0, y: y * 100 });

/** input 8×8×1 → conv → pool → flatten → dense → dense(10, softmax), with the first two in a block. */
function smallCnn(): GraphDoc {
  return {
    format: 'netcanvas.graph',
    version: 1,
    nodes: [
      { id: 'in', type: 'input', params: { shape: [8, 8, 1] }, position: at(0) },
      { id: 'conv', type: 'conv2d', params: { filters: 4, kernelSize: 3, activation: 'relu' }, position: at(1), groupId: 'stem' },
      { id: 'pool', type: 'maxPooling2d', params: {}, position: at(2), groupId: 'stem' },
      { id: 'flat', type: 'flatten', params: {}, position: at(3) },
      { id: 'hidden', type: 'dense', params: { units: 16, activation: 'relu' }, position: at(4), groupId: 'head' },
      { id: 'out', type: 'dense', params: { units: 10, activation: 'softmax' }, position: at(5), groupId: 'head' },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'conv' },
      { id: 'e2', source: 'conv', target: 'pool' },
      { id: 'e3', source: 'pool', target: 'flat' },
      { id: 'e4', source: 'flat', target: 'hidden' },
      { id: 'e5', source: 'hidden', target: 'out' },
    ],
    groups: [
      { id: 'stem', name: 'Stem', collapsed: false },
      { id: 'head', name: 'Head', collapsed: false },
    ],
    outputs: ['out'],
  };
}

/** Applies a change list and checks that its inverse gives the original document back. */
function applyAndUndo(doc: GraphDoc, changes: readonly Change[]): GraphDoc {
  const { doc: next, inverse } = applyWithInverse(doc, changes);
  expect(applyChanges(next, inverse)).toEqual(doc);
  return next;
}

describe('cut after a layer', () => {
  it('removes everything after it with its edges, blocks and outputs, and undoes in one step', () => {
    const doc = smallCnn();
    const cut = applyAndUndo(doc, cutAfterChanges(doc, 'pool') ?? []);
    expect(cut.nodes.map((n) => n.id)).toEqual(['in', 'conv', 'pool']);
    expect(cut.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(cut.groups?.map((g) => g.id)).toEqual(['stem']);
    expect(cut.outputs).toEqual(['pool']);
    expect(analyse(cut).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('changes nothing after the last layer and refuses an unknown one', () => {
    expect(cutAfterChanges(smallCnn(), 'out')).toEqual([]);
    expect(cutAfterChanges(smallCnn(), 'ghost')).toBeUndefined();
  });
});

describe('replace the head', () => {
  it('cuts at the last Flatten by default and adds dropout and Dense(classes, softmax)', () => {
    const doc = smallCnn();
    expect(headStart(doc)).toBe('flat');
    const plan = replaceHeadChanges(doc, analyse(doc), { classes: 3, dropout: 0.3 });
    if (!plan.ok) throw new Error(plan.problem);
    const next = applyAndUndo(doc, plan.changes);
    expect(next.nodes.map((n) => [n.id, n.type])).toEqual([
      ['in', 'input'],
      ['conv', 'conv2d'],
      ['pool', 'maxPooling2d'],
      ['flat', 'flatten'],
      ['dropout_1', 'dropout'],
      ['dense_1', 'dense'],
    ]);
    expect(next.nodes.at(-1)?.params).toEqual({ units: 3, activation: 'softmax' });
    expect(next.outputs).toEqual(['dense_1']);
    const analysis = analyse(next);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.nodes.dense_1?.outputShapes).toEqual([[null, 3]]);
  });

  it('adds global average pooling after a feature map', () => {
    const doc = smallCnn();
    const plan = replaceHeadChanges(doc, analyse(doc), { after: 'conv', classes: 5 });
    if (!plan.ok) throw new Error(plan.problem);
    expect(plan.added).toEqual(['globalAveragePooling2d_1', 'dense_1']);
    const next = applyAndUndo(doc, plan.changes);
    expect(analyse(next).nodes.dense_1?.outputShapes).toEqual([[null, 5]]);
  });

  it('says what is wrong instead of editing', () => {
    const doc = smallCnn();
    const analysis = analyse(doc);
    expect(replaceHeadChanges(doc, analysis, { classes: 1 })).toMatchObject({ ok: false, problem: expect.stringMatching(/at least 2/) });
    expect(replaceHeadChanges(doc, analysis, { classes: 3, after: 'ghost' })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/"ghost"/),
    });
    expect(replaceHeadChanges(doc, analysis, { classes: 3, dropout: 1 })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/dropout/),
    });
    const noPooling = applyChanges(doc, cutAfterChanges(doc, 'conv') ?? []);
    expect(replaceHeadChanges(noPooling, analyse(noPooling), { classes: 3 })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/no Flatten or global pooling/),
    });
  });

  it('keeps the trained weights of the layers it keeps (loaded by node id, matching)', async () => {
    const source = inMemoryBatchSource(spiral({ samples: 90, seed: 2 }));
    const doc: GraphDoc = {
      format: 'netcanvas.graph',
      version: 1,
      nodes: [
        { id: 'in', type: 'input', params: { shape: [2] }, position: at(0) },
        { id: 'a', type: 'dense', params: { units: 8, activation: 'relu' }, position: at(1) },
        { id: 'b', type: 'dense', params: { units: 6, activation: 'relu' }, position: at(2) },
        { id: 'old', type: 'dense', params: { units: 3, activation: 'softmax' }, position: at(3) },
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'a' },
        { id: 'e2', source: 'a', target: 'b' },
        { id: 'e3', source: 'b', target: 'old' },
      ],
      training: { epochs: 2, batchSize: 16, seed: 4 },
    };
    const trained = prepareModel(tf, doc, source);
    if (!trained.ok) throw new Error(trained.problem);
    await trainFromSource(tf, trained.model, source, { config: trained.config });
    const tensors: tfjs.NamedTensorMap = {};
    for (const w of trained.model.weights) tensors[w.originalName] = w.read().clone();
    const saved: SavedWeights = { tensors, layerNodes: layerNodesOf(trained.layerNames) };
    const valuesOf = (model: tfjs.LayersModel, names: Map<string, string>, id: string) =>
      model
        .getLayer(names.get(id) as string)
        .getWeights()
        .map((t) => Array.from(t.dataSync()));
    const trainedA = valuesOf(trained.model, trained.layerNames, 'a');
    const trainedB = valuesOf(trained.model, trained.layerNames, 'b');
    disposeModel(trained.model);

    const plan = replaceHeadChanges(doc, analyse(doc), { after: 'b', classes: 4 });
    if (!plan.ok) throw new Error(plan.problem);
    const next = applyChanges(doc, plan.changes);
    const fresh = prepareModel(tf, next, source);
    if (!fresh.ok) throw new Error(fresh.problem);
    try {
      const load = loadWeightsByNode(fresh.model, fresh.layerNames, saved, 'matching');
      const status = Object.fromEntries(load.layers.map((l) => [l.nodeId, l.status]));
      expect(status.a).toBe('loaded');
      expect(status.b).toBe('loaded');
      expect(status.dense_1).not.toBe('loaded');
      expect(valuesOf(fresh.model, fresh.layerNames, 'a')).toEqual(trainedA);
      expect(valuesOf(fresh.model, fresh.layerNames, 'b')).toEqual(trainedB);
    } finally {
      disposeModel(fresh.model);
      tf.dispose(Object.values(tensors));
    }
  });
});

describe('freezing', () => {
  it('freezes everything up to a layer, a whole block, and unfreezes by clearing the flag', () => {
    const doc = smallCnn();
    const frozen = applyAndUndo(doc, freezeUpToChanges(doc, 'flat'));
    expect(frozen.nodes.filter((n) => n.trainable === false).map((n) => n.id)).toEqual(['in', 'conv', 'pool', 'flat']);
    expect(analyse(frozen).totals.trainableParams).toBe(analyse(doc).totals.trainableParams - 40);
    const block = applyAndUndo(frozen, trainableChanges(frozen, blockMembers(frozen, 'head'), false));
    expect(analyse(block).totals.trainableParams).toBe(0);
    const thawed = applyAndUndo(block, trainableChanges(block, blockMembers(block, 'stem'), true));
    expect(thawed.nodes.find((n) => n.id === 'conv')).not.toHaveProperty('trainable');
    expect(trainableChanges(thawed, ['conv'], true)).toEqual([]);
  });

  it('compiles frozen layers as non-trainable, and the Keras and TypeScript exports agree', () => {
    const doc = applyChanges(smallCnn(), freezeUpToChanges(smallCnn(), 'flat'));
    const analysis = analyse(doc);
    const compiled = compileGraph(tf, doc, analysis);
    if (!compiled.ok) throw new Error('did not compile');
    try {
      const layerName = (id: string) => compiled.layerNames.get(id) as string;
      expect(compiled.model.getLayer(layerName('conv')).trainable).toBe(false);
      expect(compiled.model.getLayer(layerName('hidden')).trainable).toBe(true);
      const counted = compiled.model.trainableWeights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
      expect(counted).toBe(analysis.totals.trainableParams);
      const python = kerasPython(doc, analysis);
      const typescript = tfjsTypescript(tf, doc, analysis);
      for (const node of doc.nodes.filter((n) => n.type !== 'input')) {
        const frozen = node.trainable === false;
        const name = layerName(node.id);
        expect(python.includes(`name="${name}", trainable=False`), `${name} in Keras`).toBe(frozen);
        // Layers without weights may leave the flag out: it changes nothing for them.
        if (compiled.model.getLayer(name).weights.length > 0)
          expect(typescript.includes(`name: "${name}", trainable: ${!frozen}`), `${name} in TypeScript`).toBe(true);
      }
    } finally {
      compiled.model.dispose();
    }
  });
});
