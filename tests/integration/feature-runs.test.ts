import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { closeTrainQueue } from '@/server/training/queue';
import { closeRunEvents } from '@/server/training/run-events';
import { FIXTURES } from '../support/fixtures';
import { call, ORIGIN, routeModule, signUp, type TestUser } from './helpers/api';
import { describeOnOneDatabase } from './helpers/databases';
import { projectWithTemplate, startWorker, type WorkerProcess, waitForRun } from './training-support';

const DIGITS = path.join(FIXTURES, 'datasets/mnist-png-30-per-class');
const digitPng = (d: number) => {
  const file = readdirSync(path.join(DIGITS, String(d))).sort()[0] as string;
  return new Uint8Array(readFileSync(path.join(DIGITS, String(d), file)));
};

async function predictImage(user: TestUser, runId: string, bytes: Uint8Array) {
  const handler = (await routeModule('runs/[runId]/predict')).POST as (
    req: Request,
    ctx: { params: Promise<Record<string, string>> },
  ) => Promise<Response>;
  const response = await handler(
    new Request(`${ORIGIN}/api/runs/${runId}/predict?top=3`, {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: user.cookie as string, 'content-type': 'image/png' },
      body: bytes.slice().buffer,
    }),
    { params: Promise.resolve({ runId }) },
  );
  return { status: response.status, body: await response.json() };
}

/**
 * A feature-extraction run end to end: the gallery's digits CNN (its weights stored with version 1)
 * cut at its flatten layer, queued through the route as a job, run by a real worker process
 * (activations of the built-in digits in batches, an SVM trained on them), stored with its test
 * figures, confusion matrix and classifier; then the predict route classifying a real PNG with it.
 */
describeOnOneDatabase('feature-extraction runs', (env) => {
  let alice: TestUser;
  let projectId: string;
  let flattenId: string;
  let worker: WorkerProcess;

  beforeAll(async () => {
    alice = await signUp('Alice Features');
    const teamId = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
    const opened = await call('POST', `/api/teams/${teamId}/gallery/digits-cnn`, { as: alice, body: { variant: 'full' } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    projectId = opened.body.id;
    const version = await call('GET', `/api/projects/${projectId}/versions/1`, { as: alice });
    flattenId = version.body.graph.nodes.find((n: { type: string }) => n.type === 'flatten').id;
    worker = startWorker(env.db.url);
    await worker.waitFor('worker ready');
  }, 60_000);

  afterAll(async () => {
    expect(await worker?.stop()).toBe(0);
    await closeTrainQueue();
    await closeRunEvents();
  });

  it('refuses what cannot work, saying which field is wrong', async () => {
    const body = { versionNumber: 1, nodeId: flattenId, dataset: { builtin: 'digits' }, classifier: { kind: 'svm' } };
    const noLayer = await call('POST', `/api/projects/${projectId}/feature-runs`, { as: alice, body: { ...body, nodeId: 'nope' } });
    expect(noLayer.status).toBe(400);
    expect(noLayer.body.error.message).toMatch(/Version 1 has no layer "nope"/);
    const badK = await call('POST', `/api/projects/${projectId}/feature-runs`, {
      as: alice,
      body: { ...body, classifier: { kind: 'knn', k: 0 } },
    });
    expect(badK.status).toBe(400);
    const fresh = await projectWithTemplate(alice, 'mlp', 'No weights');
    const dense = (await call('GET', `/api/projects/${fresh}/versions/1`, { as: alice })).body.graph.nodes[1].id;
    const noWeights = await call('POST', `/api/projects/${fresh}/feature-runs`, { as: alice, body: { ...body, nodeId: dense } });
    expect(noWeights.status).toBe(400);
    expect(noWeights.body.error.message).toMatch(/Version 1 has no weights of its own/);
  });

  it('extracts features on the worker, trains an SVM on them, stores the result and predicts with it', async () => {
    const created = await call('POST', `/api/projects/${projectId}/feature-runs`, {
      as: alice,
      body: { versionNumber: 1, nodeId: flattenId, dataset: { builtin: 'digits' }, classifier: { kind: 'svm' }, trainSamples: 500 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ kind: 'features', status: 'queued', place: 'server', dataset: 'builtin:digits' });
    const runId = created.body.id;
    const run = await waitForRun(alice, runId, (r) => r.status === 'completed' || r.status === 'failed', 150_000);
    expect(run.error, worker.output()).toBeNull();
    expect(run.status).toBe('completed');
    expect(run.finalMetrics).toMatchObject({ features: 800, trainSamples: 500, testSamples: 2000 });
    // The digits CNN's own features separate the digits it was trained on: far above chance (10 %).
    expect(run.finalMetrics.testAccuracy).toBeGreaterThan(0.9);
    expect(run.evaluation).toMatchObject({ kind: 'classification', split: 'test', count: 2000 });
    expect(run.evaluation.matrix).toHaveLength(10);
    expect(run.evaluation.matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(2000);
    const artifact = await db().artifact.findFirstOrThrow({ where: { runId, kind: 'classifier' } });
    expect(artifact.meta).toMatchObject({ classifier: 'svm', nodeId: flattenId, featureCount: 800 });

    const listed = await call('GET', `/api/projects/${projectId}/runs`, { as: alice });
    expect(listed.body.runs.find((r: { id: string }) => r.id === runId)).toMatchObject({ kind: 'features' });

    let correct = 0;
    for (let d = 0; d < 10; d++) {
      const answer = await predictImage(alice, runId, digitPng(d));
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const [prediction] = answer.body.predictions;
      expect(prediction.top).toHaveLength(3);
      expect(prediction.top[0].probability).toBeGreaterThanOrEqual(prediction.top[1].probability);
      if (prediction.label === String(d)) correct++;
    }
    expect(correct).toBeGreaterThanOrEqual(8);
    const wrongRow = await call('POST', `/api/runs/${runId}/predict`, { as: alice, body: { rows: [[1, 2, 3]] } });
    expect(wrongRow.status).toBe(400);
    expect(wrongRow.body.error.message).toMatch(/Row 1 has 3 values, but this run's network takes 784/);
  }, 180_000);
});
