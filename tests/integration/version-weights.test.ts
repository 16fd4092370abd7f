import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '@/engine/backends/node-tf';
import { inMemoryBatchSource } from '@/engine/data/batch-source';
import { loadDigits } from '@/engine/data/builtins/digits';
import type { InMemoryDataset } from '@/engine/data/dataset';
import { tfjsWithWeights } from '@/engine/export/tfjs-with-weights';
import type { GraphDoc } from '@/engine/graph/schema';
import { importModel } from '@/engine/import/import-model';
import { packWeights } from '@/engine/train/packed-weights';
import type { JobStart } from '@/engine/train/run-host';
import { runJob } from '@/engine/train/run-job';
import { encodeWeightsBundle } from '@/engine/train/weights-bundle';
import { db } from '@/server/db/client';
import { prepareServerRun } from '@/server/training/prepare-server-run';
import { closeTrainQueue } from '@/server/training/queue';
import { closeRunEvents } from '@/server/training/run-events';
import { serverRunHost } from '@/server/training/server-run-host';
import { call, send, signUp, type TestUser } from './helpers/api';
import { describeOnOneDatabase } from './helpers/databases';

const CNN = path.resolve(import.meta.dirname, '../fixtures/models/with-weights/tfjs2keras-cnn');

/**
 * Weights belong to designs: a gallery model's weights follow its layers by node id through edits
 * and restores (the same blob, byte for byte), an import's weights are stored with the saved version
 * and come back out of the TF.js export, and a run of the version starts from them.
 */
describeOnOneDatabase('weights that belong to a version', () => {
  let alice: TestUser;
  let teamId: string;
  let tf: typeof tfjs;

  beforeAll(async () => {
    tf = await nodeTf();
    alice = await signUp('Alice Weights');
    teamId = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
  });

  afterAll(async () => {
    await closeTrainQueue();
    await closeRunEvents();
  });

  const weightsOf = async (projectId: string, n: number) => {
    const answer = await call('GET', `/api/projects/${projectId}/versions/${n}/weights`, { as: alice });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.weights;
  };
  const bytesOf = async (projectId: string, n: number) =>
    new Uint8Array(await (await send('GET', `/api/projects/${projectId}/versions/${n}/weights.bin`, { as: alice })).arrayBuffer());
  const save = async (projectId: string, parent: number | null, graph: GraphDoc) => {
    const saved = await call('POST', `/api/projects/${projectId}/versions`, { as: alice, body: { parent, graph } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    return saved.body.number as number;
  };
  const openDigits = async () => {
    const opened = await call('POST', `/api/teams/${teamId}/gallery/digits-cnn`, { as: alice, body: { variant: 'full' } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const projectId = opened.body.id as string;
    const v1 = (await call('GET', `/api/projects/${projectId}/versions/1`, { as: alice })).body.graph as GraphDoc;
    return { projectId, v1 };
  };

  describe('carried across saves by node id', () => {
    it('keeps every other layer’s weights after a rename, a new layer and a changed Dense, byte for byte, and restore brings all back', async () => {
      const { projectId, v1 } = await openDigits();
      const before = await weightsOf(projectId, 1);
      expect(before.source).toBe('gallery:digits-cnn/full');
      const original = await bytesOf(projectId, 1);
      expect(original.length).toBe(before.bytes);

      const convs = v1.nodes.filter((n) => n.type === 'conv2d');
      const denses = v1.nodes.filter((n) => n.type === 'dense');
      const pool = v1.nodes.filter((n) => n.type === 'maxPooling2d').at(-1);
      const flatten = v1.nodes.find((n) => n.type === 'flatten');
      const [conv1, conv2] = convs;
      const [hidden, head] = denses;
      if (!conv1 || !conv2 || !hidden || !head || !pool || !flatten) throw new Error('the digits CNN changed shape');
      const into = v1.edges.find((e) => e.source === pool.id && e.target === flatten.id);
      if (!into) throw new Error('no edge from the last pooling to flatten');
      const extra = {
        id: 'extra_conv',
        type: 'conv2d',
        name: 'extra',
        params: { filters: 8, kernelSize: [3, 3], padding: 'same' },
        position: { x: 0, y: 0 },
      } as GraphDoc['nodes'][number];
      const edited: GraphDoc = {
        ...v1,
        nodes: [
          ...v1.nodes.map((n) =>
            n.id === conv1.id ? { ...n, name: 'stem' } : n.id === hidden.id ? { ...n, params: { ...n.params, units: 32 } } : n,
          ),
          extra,
        ],
        edges: [
          ...v1.edges.filter((e) => e.id !== into.id),
          { id: 'e_pool_extra', source: pool.id, target: extra.id },
          { id: 'e_extra_flatten', source: extra.id, target: flatten.id },
        ],
      };
      const n2 = await save(projectId, 1, edited);
      const after = await weightsOf(projectId, n2);
      const status = Object.fromEntries(after.plan.layers.map((l: { nodeId: string; status: string }) => [l.nodeId, l.status]));
      expect(status).toEqual({
        [conv1.id]: 'loaded',
        [conv2.id]: 'loaded',
        [extra.id]: 'fresh',
        [hidden.id]: 'shape_mismatch',
        [head.id]: 'shape_mismatch',
      });
      expect(after.plan.layers.find((l: { nodeId: string }) => l.nodeId === conv1.id).label).toBe('stem');
      // The same blob, referenced rather than copied; only the layers that loaded stay tied to it.
      expect(await bytesOf(projectId, n2)).toEqual(original);
      const rows = await db().versionWeights.findMany({ where: { version: { projectId } }, select: { blobHash: true } });
      expect(new Set(rows.map((r) => r.blobHash)).size).toBe(1);
      expect(Object.values(after.layerNodes).sort()).toEqual([conv1.id, conv2.id].sort());

      const restored = await call('POST', `/api/projects/${projectId}/versions/1/restore`, { as: alice, body: {} });
      expect(restored.status, JSON.stringify(restored.body)).toBe(201);
      const back = await weightsOf(projectId, restored.body.number);
      expect(back.plan).toBeNull();
      expect(back.layerNodes).toEqual(before.layerNodes);
      expect(await bytesOf(projectId, restored.body.number)).toEqual(original);
    });
  });

  describe('imported weights', () => {
    it('are stored with the saved version and come back out of the TF.js export, predicting as the original files do', async () => {
      const modelJson = JSON.parse(readFileSync(path.join(CNN, 'model.json'), 'utf8'));
      const weightsBin = new Uint8Array(readFileSync(path.join(CNN, 'weights.bin')));
      const imported = await importModel(tf, modelJson, { readFile: async () => weightsBin });
      if (!imported.ok || !imported.doc || !imported.weights) throw new Error(imported.diagnostics[0]?.message ?? 'no weights');
      const packed = await packWeights(tf, imported.doc, imported.weights);
      tf.dispose(Object.values(imported.weights));
      if (!packed.ok) throw new Error(packed.diagnostics[0]?.message);

      const project = await call('POST', `/api/teams/${teamId}/projects`, { as: alice, body: { name: 'Imported CNN' } });
      const projectId = project.body.id as string;
      const saved = await call('POST', `/api/projects/${projectId}/versions`, { as: alice, body: { parent: null, graph: imported.doc } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      const bundle = encodeWeightsBundle({ ...packed.weights, source: 'import:model.json' });
      const put = await call('PUT', `/api/projects/${projectId}/versions/1/weights`, { as: alice, body: bundle });
      expect(put.status, JSON.stringify(put.body)).toBe(201);
      expect(put.body.plan.layers.every((l: { status: string }) => l.status === 'loaded')).toBe(true);

      // A later save (renaming every layer) carries them on.
      const renamed = { ...imported.doc, nodes: imported.doc.nodes.map((n, i) => ({ ...n, name: `layer_${i}` })) };
      const n2 = await save(projectId, 1, renamed);
      const stored = await weightsOf(projectId, n2);
      const exported = await tfjsWithWeights(tf, renamed, {
        data: await bytesOf(projectId, n2),
        specs: stored.specs,
        layerNodes: stored.layerNodes,
      });
      if (!exported.ok) throw new Error(exported.diagnostics[0]?.message);
      expect(exported.plan?.layers.every((l) => l.status === 'loaded')).toBe(true);

      const artifactsOf = (json: Record<string, unknown>, bin: Uint8Array) =>
        tf.io.fromMemory({
          modelTopology: json.modelTopology as object,
          weightSpecs: (json.weightsManifest as { weights: tfjs.io.WeightsManifestEntry[] }[])[0]?.weights,
          weightData: bin.slice().buffer,
        });
      const fromExport = await tf.loadLayersModel(artifactsOf(exported.artifacts['model.json'], exported.artifacts['weights.bin']));
      const fromFiles = await tf.loadLayersModel(artifactsOf(modelJson, weightsBin));
      const xs = tf.tensor(
        JSON.parse(readFileSync(path.join(CNN, 'cnn.xs-data.json'), 'utf8')).flat(Infinity),
        JSON.parse(readFileSync(path.join(CNN, 'cnn.xs-shapes.json'), 'utf8'))[0],
      );
      const a = fromExport.predict(xs) as tfjs.Tensor;
      const b = fromFiles.predict(xs) as tfjs.Tensor;
      const diff = tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number;
      expect(diff).toBeLessThan(1e-5);
      // Not trivially equal: the predictions vary across the samples.
      expect(tf.moments(a).variance.dataSync()[0]).toBeGreaterThan(0);
      tf.dispose([xs, a, b]);
      fromExport.dispose();
      fromFiles.dispose();
    });

    it('refuses an upload that does not parse or fits no layer, saying why', async () => {
      const project = await call('POST', `/api/teams/${teamId}/projects`, { as: alice, body: { name: 'Bad upload' } });
      const projectId = project.body.id as string;
      const { v1 } = await openDigits();
      await save(projectId, null, v1);
      const bad = await call('PUT', `/api/projects/${projectId}/versions/1/weights`, { as: alice, body: new Uint8Array([1, 2, 3]) });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/line of JSON/);
      const meta = {
        specs: [{ name: 'nothing/kernel', shape: [2], dtype: 'float32' }],
        layerNodes: { nothing: 'nobody' },
        source: 'import:x',
      };
      const short = new Uint8Array([...new TextEncoder().encode(`${JSON.stringify(meta)}\n`), 0, 0, 0]);
      const wrong = await call('PUT', `/api/projects/${projectId}/versions/1/weights`, { as: alice, body: short });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.message).toMatch(/holds 3 bytes; its manifest describes 8/);
    });
  });

  describe('training from the version’s weights', () => {
    /** Every 20th digit, keeping each sample's split: enough for a first batch, quick under load. */
    async function fewDigits(): Promise<InMemoryDataset> {
      const all = await loadDigits();
      const rows = Array.from({ length: Math.floor(all.labels.length / 20) }, (_, i) => i * 20);
      const width = 28 * 28;
      const features = new Float32Array(rows.length * width);
      rows.forEach((r, i) => {
        features.set(all.features.subarray(r * width, (r + 1) * width), i * width);
      });
      return {
        ...all,
        features,
        labels: Float32Array.from(rows, (r) => all.labels[r] as number),
        split: Uint8Array.from(rows, (r) => all.split[r] as number),
      };
    }

    /** A server run of the version through the server host's starting weights, stopped after its first batch. */
    async function firstBatch(projectId: string, data: InMemoryDataset) {
      const created = await call('POST', `/api/projects/${projectId}/runs`, {
        as: alice,
        body: {
          versionNumber: 1,
          dataset: { builtin: 'digits' },
          place: 'server',
          settings: { training: { epochs: 1, learningRate: 1e-7, batchSize: 64, seed: 1 } },
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const prepared = { ...(await prepareServerRun(created.body.id)), source: inMemoryBatchSource(data) };
      const server = serverRunHost(tf, prepared, {
        runId: created.body.id,
        workerId: 'test-worker',
        checkpoint: { epoch: null, hash: null },
        lease: {} as never,
        replaced: async () => undefined,
      });
      let plan: JobStart['weightPlan'] = null;
      let loss = Number.NaN;
      const result = await runJob(tf, prepared.doc, prepared.settings, {
        source: prepared.source,
        ...(server.initialWeights ? { initialWeights: server.initialWeights } : {}),
        evaluation: false,
        progress: {
          started: (start) => {
            plan = start.weightPlan;
          },
          batch: (info) => {
            if (Number.isNaN(loss)) loss = info.metrics.loss as number;
          },
        },
        control: { shouldStop: () => !Number.isNaN(loss) },
      });
      expect(result.ok, result.ok ? '' : result.problem).toBe(true);
      return { loss, plan: plan as JobStart['weightPlan'] };
    }

    it('a server run of a gallery version starts from the pretrained weights (first-batch loss far below a fresh start)', async () => {
      const data = await fewDigits();
      const { projectId, v1 } = await openDigits();
      const pretrained = await firstBatch(projectId, data);
      expect(pretrained.plan?.layers.every((l) => l.status === 'loaded')).toBe(true);
      // The same graph in a project without weights starts from its initialisers.
      const fresh = await call('POST', `/api/teams/${teamId}/projects`, { as: alice, body: { name: 'Fresh digits' } });
      await save(fresh.body.id, null, v1);
      const scratch = await firstBatch(fresh.body.id, data);
      expect(scratch.plan).toBeNull();
      expect(pretrained.loss).toBeLessThan(scratch.loss / 3);
    });
  });
});
