import type * as tfjs from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeTf } from '@/engine/backends/node-tf';
import { closeTrainQueue } from '@/server/training/queue';
import { closeRunEvents } from '@/server/training/run-events';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';
import { openEvents, projectWithTemplate, startWorker, type WorkerProcess, waitForRun } from './training-support';

/**
 * A server run end to end: queued through the API as a pg-boss job, trained by a real worker
 * process on the wasm backend, each epoch recorded and published (NOTIFY → Server-Sent Events),
 * the trained model served as TF.js files; and a cancelled run.
 */
describeEachDatabase('server training', (env) => {
  let alice: TestUser;
  let projectId: string;
  let worker: WorkerProcess;

  beforeAll(async () => {
    alice = await signUp('Alice Trainer');
    projectId = await projectWithTemplate(alice, 'mlp');
    worker = startWorker(env.db.url);
    await worker.waitFor('worker ready');
  });

  afterAll(async () => {
    expect(await worker?.stop()).toBe(0);
    await closeTrainQueue();
    await closeRunEvents();
  });

  it('trains a queued run on the worker, streams its epochs and serves the trained model', async () => {
    const created = await call('POST', `/api/projects/${projectId}/runs`, {
      as: alice,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'server', settings: { training: { epochs: 4, batchSize: 32 } } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'queued', place: 'server', dataset: 'builtin:spiral', versionNumber: 1 });
    const runId = created.body.id;
    const stream = await openEvents(alice, runId);

    const run = await waitForRun(alice, runId, (r) => r.status === 'completed' || r.status === 'failed');
    expect(run.error).toBeNull();
    expect(run.status).toBe('completed');
    expect(run.backend).toBe('wasm');
    expect(run.epochs.map((e: { epoch: number }) => e.epoch)).toEqual([0, 1, 2, 3]);
    expect(run.epochs[0].metrics).toHaveProperty('loss');
    expect(run.epochs[0].metrics).toHaveProperty('valAccuracy');
    expect(run.finalMetrics).toMatchObject({ epochs: 4 });
    expect(run.finalMetrics.testAccuracy).toBeGreaterThan(0);
    expect(run.config.training).toMatchObject({ epochs: 4, batchSize: 32, loss: 'categoricalCrossentropy' });
    expect(run.wallTimeMs).toBeGreaterThan(0);
    expect(run.attempts).toBe(1);
    expect(run.resumedFromEpoch).toBeNull();
    expect(run.hasWeights).toBe(true);
    expect(run.evaluation).toMatchObject({ kind: 'classification', split: 'test' });
    expect(run.evaluation.matrix).toHaveLength(3);

    await stream.done;
    const epochs = stream.events.filter((e) => e.type === 'epoch').map((e) => e.epoch.epoch);
    expect(epochs).toEqual([0, 1, 2, 3]);
    expect(stream.events.some((e) => e.type === 'progress')).toBe(true);
    expect(stream.events[stream.events.length - 1]).toMatchObject({ type: 'finished', status: 'completed' });

    // A late viewer catches up from the record and gets the end at once.
    const late = await openEvents(alice, runId);
    await late.done;
    expect(late.events.filter((e) => e.type === 'epoch')).toHaveLength(4);
    expect(late.events[late.events.length - 1]).toMatchObject({ type: 'finished', status: 'completed' });

    // The trained model loads in TF.js from the two routes, as tf.loadLayersModel fetches them.
    const modelJson = await call('GET', `/api/runs/${runId}/model`, { as: alice });
    expect(modelJson.status).toBe(200);
    expect(modelJson.body.weightsManifest[0].paths).toEqual(['weights.bin']);
    const weights = await fetchWeights(alice, runId);
    // The server's own TF.js (the routes load it, registering its backend in this process too).
    const tf = await nodeTf();
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.body.modelTopology,
        weightSpecs: modelJson.body.weightsManifest[0].weights,
        weightData: weights,
      }),
    );
    const out = model.predict(tf.zeros([1, 2])) as tfjs.Tensor;
    expect(out.shape).toEqual([1, 3]);
    tf.dispose(out);
    model.dispose();

    const listed = await call('GET', `/api/projects/${projectId}/runs?status=completed&place=server&dataset=builtin:spiral`, { as: alice });
    expect(listed.body.runs.map((r: { id: string }) => r.id)).toContain(runId);
    const none = await call('GET', `/api/projects/${projectId}/runs?place=browser`, { as: alice });
    expect(none.body.runs).toEqual([]);
  }, 180_000);

  it('cancels a running server run at its next batch', async () => {
    const created = await call('POST', `/api/projects/${projectId}/runs`, {
      as: alice,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'server', settings: { training: { epochs: 500, batchSize: 8 } } },
    });
    const runId = created.body.id;
    await waitForRun(alice, runId, (r) => r.epochs.length >= 1);
    const cancel = await call('POST', `/api/runs/${runId}/cancel`, { as: alice });
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('cancelling');
    const run = await waitForRun(alice, runId, (r) => r.status !== 'running', 30_000);
    expect(run.status).toBe('cancelled');
    expect(run.epochs.length).toBeLessThan(500);
    const again = await call('POST', `/api/runs/${runId}/cancel`, { as: alice });
    expect(again.status).toBe(409);
  }, 180_000);

  it('cancels a queued run before any worker starts it', async () => {
    const stopped = await worker.stop();
    expect(stopped).toBe(0);
    const created = await call('POST', `/api/projects/${projectId}/runs`, {
      as: alice,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'server', settings: { training: { epochs: 2 } } },
    });
    const cancel = await call('POST', `/api/runs/${created.body.id}/cancel`, { as: alice });
    expect(cancel.body.status).toBe('cancelled');
    worker = startWorker(env.db.url);
    await worker.waitFor(`run ${created.body.id}: nothing to do (finished)`);
    const run = await call('GET', `/api/runs/${created.body.id}`, { as: alice });
    expect(run.body.status).toBe('cancelled');
    expect(run.body.epochs).toEqual([]);
  }, 180_000);
});

async function fetchWeights(user: TestUser, runId: string): Promise<ArrayBuffer> {
  const { routeModule, ORIGIN } = await import('./helpers/api');
  const mod = await routeModule('runs/[runId]/weights.bin');
  const handler = mod.GET as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const response = await handler(new Request(`${ORIGIN}/api/runs/${runId}/weights.bin`, { headers: { cookie: user.cookie } }), {
    params: Promise.resolve({ runId }),
  });
  expect(response.status).toBe(200);
  return response.arrayBuffer();
}
