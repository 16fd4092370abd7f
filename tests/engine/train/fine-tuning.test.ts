import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '../../../engine/backends/node-tf';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import { spiral } from '../../../engine/data/generated';
import type { GraphDoc } from '../../../engine/graph/schema';
import { phaseOf } from '../../../engine/train/fine-tuning';
import { layerNodesOf, type SavedWeights } from '../../../engine/train/node-weights';
import { disposeModel, prepareModel } from '../../../engine/train/prepare-model';
import type { StoredCheckpoint } from '../../../engine/train/run-host';
import { runJob } from '../../../engine/train/run-job';
import { trainFromSource } from '../../../engine/train/train-stream';

let tf: typeof tfjs;
beforeAll(async () => {
  tf = await nodeTf();
});

const source = inMemoryBatchSource(spiral({ samples: 150, seed: 5 }));
const FINE_TUNING = { headEpochs: 2, unfreezeTop: 1, rateFactor: 0.25 };

/** input[2] → a (frozen) → b (frozen) → head: a backbone of two frozen layers and a trainable head. */
function frozenBackbone(): GraphDoc {
  return {
    format: 'netcanvas.graph',
    version: 1,
    nodes: [
      { id: 'in', type: 'input', params: { shape: [2] }, position: { x: 0, y: 0 } },
      { id: 'a', type: 'dense', params: { units: 8, activation: 'relu' }, position: { x: 0, y: 100 }, trainable: false },
      { id: 'b', type: 'dense', params: { units: 8, activation: 'relu' }, position: { x: 0, y: 200 }, trainable: false },
      { id: 'head', type: 'dense', params: { units: 3, activation: 'softmax' }, position: { x: 0, y: 300 } },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'a' },
      { id: 'e2', source: 'a', target: 'b' },
      { id: 'e3', source: 'b', target: 'head' },
    ],
    training: { epochs: 4, batchSize: 16, learningRate: 0.05, seed: 7, keepBest: false, fineTuning: FINE_TUNING },
  };
}

/** Each node's weights, flattened in the order of their names, read from a model by the node's TF.js layer name. */
function byNode(model: tfjs.LayersModel, layerNames: Map<string, string>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [node, layer] of layerNames) {
    out[node] = [...model.getLayer(layer).weights]
      .sort((x, y) => x.originalName.localeCompare(y.originalName))
      .flatMap((w) => Array.from(w.read().dataSync()));
  }
  return out;
}

const differs = (x: number[] = [], y: number[] = []) => x.some((v, i) => Math.abs(v - (y[i] as number)) > 1e-7);

describe('two-phase fine-tuning', () => {
  it('keeps frozen layers unchanged in phase 1, then trains the top one at the lower rate in phase 2', async () => {
    const prepared = prepareModel(tf, frozenBackbone(), source);
    if (!prepared.ok) throw new Error(prepared.problem);
    const { model, layerNames, config } = prepared;
    const start = byNode(model, layerNames);
    const snapshots: Record<string, number[]>[] = [];
    try {
      const outcome = await trainFromSource(tf, model, source, {
        config,
        onEpochEnd: (_record, context) => void snapshots.push(byNode(context.model, layerNames)),
      });
      expect(outcome.epochs.map((e) => e.phase)).toEqual([1, 1, 2, 2]);
      expect(outcome.epochs.map((e) => e.learningRate)).toEqual([0.05, 0.05, 0.0125, 0.0125]);
      const [, endOfPhaseOne, , last] = snapshots;
      // Phase 1: only the head moves.
      expect(endOfPhaseOne?.a).toEqual(start.a);
      expect(endOfPhaseOne?.b).toEqual(start.b);
      expect(differs(endOfPhaseOne?.head, start.head)).toBe(true);
      // Phase 2: the top frozen layer (b) is unfrozen and trains; a stays as it was.
      expect(last?.a).toEqual(start.a);
      expect(differs(last?.b, endOfPhaseOne?.b)).toBe(true);
      expect(model.getLayer(layerNames.get('b') as string).trainable).toBe(true);
      expect(model.getLayer(layerNames.get('a') as string).trainable).toBe(false);
    } finally {
      disposeModel(model);
    }
  });

  it('runs both phases as one job from given weights, and resumes inside phase 2 from a checkpoint', async () => {
    const doc = frozenBackbone();
    // The starting weights, handed to the engine by node id as a version's weights would be.
    const seeded = prepareModel(tf, { ...doc, training: { ...doc.training, seed: 99 } }, source);
    if (!seeded.ok) throw new Error(seeded.problem);
    const tensors: tfjs.NamedTensorMap = {};
    for (const w of seeded.model.weights) tensors[w.originalName] = w.read().clone();
    const given: SavedWeights = { tensors, layerNodes: layerNodesOf(seeded.layerNames) };
    const start = byNode(seeded.model, seeded.layerNames);
    disposeModel(seeded.model);
    const copyOf = (): SavedWeights => ({
      layerNodes: given.layerNodes,
      tensors: Object.fromEntries(Object.entries(given.tensors).map(([k, t]) => [k, t.clone()])),
    });

    const artifactsByNode = async (result: Awaited<ReturnType<typeof runJob>>) => {
      if (!result.ok || !result.artifacts) throw new Error('the run did not finish');
      const named = tf.io.decodeWeights(
        result.artifacts.weightData.slice().buffer,
        result.artifacts.weightSpecs as tfjs.io.WeightsManifestEntry[],
      );
      const out: Record<string, number[]> = {};
      for (const [layer, node] of Object.entries(result.artifacts.layerNodes)) {
        out[node] = Object.entries(named)
          .filter(([name]) => name.startsWith(`${layer}/`))
          .sort(([x], [y]) => x.localeCompare(y))
          .sort(([x], [y]) => x.localeCompare(y))
          .flatMap(([, t]) => Array.from(t.dataSync()));
      }
      tf.dispose(Object.values(named));
      return out;
    };

    const whole = await runJob(
      tf,
      doc,
      { training: {} },
      { source, evaluation: false, initialWeights: async () => ({ weights: copyOf(), policy: 'all' }) },
    );
    expect(whole.ok && whole.epochs.map((e) => e.phase)).toEqual([1, 1, 2, 2]);
    const final = await artifactsByNode(whole);
    expect(final.a).toEqual(start.a);
    expect(differs(final.b, start.b)).toBe(true);

    // The same run stopped after its first phase-2 epoch, then resumed from its checkpoint.
    let saved: StoredCheckpoint | null = null;
    const epochs: StoredCheckpoint['epochs'] = [];
    const checkpoints = {
      latest: async () => saved,
      save: async (record: StoredCheckpoint['epochs'][number], bytes: Uint8Array) => {
        epochs.push(record);
        saved = { bytes, epochs: [...epochs] };
        return true;
      },
    };
    const stopped = await runJob(
      tf,
      doc,
      { training: {} },
      {
        source,
        evaluation: false,
        initialWeights: async () => ({ weights: copyOf(), policy: 'all' }),
        checkpoints: { latest: async () => null, save: checkpoints.save },
        control: { shouldStop: () => epochs.length >= 3 },
      },
    );
    expect(stopped.ok && stopped.cancelled).toBe(true);
    expect(epochs.map((e) => e.phase)).toEqual([1, 1, 2]);
    const resumed = await runJob(tf, doc, { training: {} }, { source, evaluation: false, checkpoints });
    expect(resumed.ok && resumed.epochs.map((e) => e.phase)).toEqual([1, 1, 2, 2]);
    const after = await artifactsByNode(resumed);
    expect(after.a).toEqual(start.a);
    for (const node of ['b', 'head']) {
      for (const [i, v] of (after[node] ?? []).entries()) expect(v).toBeCloseTo(final[node]?.[i] as number, 5);
    }
  });

  it('keeps a frozen BatchNormalization at its moving statistics (Keras semantics), and updates them once unfrozen', async () => {
    const doc: GraphDoc = {
      format: 'netcanvas.graph',
      version: 1,
      nodes: [
        { id: 'in', type: 'input', params: { shape: [2] }, position: { x: 0, y: 0 } },
        { id: 'a', type: 'dense', params: { units: 8, activation: 'relu' }, position: { x: 0, y: 100 }, trainable: false },
        { id: 'bn', type: 'batchNormalization', params: {}, position: { x: 0, y: 200 }, trainable: false },
        { id: 'head', type: 'dense', params: { units: 3, activation: 'softmax' }, position: { x: 0, y: 300 } },
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'a' },
        { id: 'e2', source: 'a', target: 'bn' },
        { id: 'e3', source: 'bn', target: 'head' },
      ],
      training: { epochs: 3, batchSize: 16, seed: 3, keepBest: false, fineTuning: { headEpochs: 2, unfreezeTop: 1, rateFactor: 0.5 } },
    };
    const prepared = prepareModel(tf, doc, source);
    if (!prepared.ok) throw new Error(prepared.problem);
    const { model, layerNames, config } = prepared;
    const start = byNode(model, layerNames);
    const snapshots: Record<string, number[]>[] = [];
    try {
      await trainFromSource(tf, model, source, {
        config,
        onEpochEnd: (_r, context) => void snapshots.push(byNode(context.model, layerNames)),
      });
      expect(snapshots[1]?.bn).toEqual(start.bn); // gamma, beta and the moving mean and variance
      expect(differs(snapshots[2]?.bn, start.bn)).toBe(true);
      expect(snapshots[2]?.a).toEqual(start.a);
    } finally {
      disposeModel(model);
    }
  });

  it('has one phase when fine-tuning is off or phase 1 covers every epoch', () => {
    expect(phaseOf({ fineTuning: null, epochs: 5 }, 3)).toBeUndefined();
    expect(phaseOf({ fineTuning: { headEpochs: 5, unfreezeTop: 1, rateFactor: 0.1 }, epochs: 5 }, 4)).toBeUndefined();
    expect(phaseOf({ fineTuning: { headEpochs: 2, unfreezeTop: 1, rateFactor: 0.1 }, epochs: 5 }, 2)).toBe(2);
  });
});
