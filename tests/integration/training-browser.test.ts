import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeTrainQueue } from '@/server/training/queue';
import { closeRunEvents } from '@/server/training/run-events';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';
import { projectWithTemplate, putWeights } from './training-support';

/**
 * Browser runs are recorded through the API as the page trains (epochs, then the end with the
 * weights); sweeps expand their grid into queued server runs.
 */
describeEachDatabase('browser runs and sweeps', () => {
  let alice: TestUser;
  let viewer: TestUser;
  let projectId: string;

  beforeAll(async () => {
    alice = await signUp('Alice Browser');
    viewer = await signUp('Vic Viewer');
    projectId = await projectWithTemplate(alice, 'mlp');
  });

  afterAll(async () => {
    await closeTrainQueue();
    await closeRunEvents();
  });

  it('records a browser run: epochs once each, the end with its weights, the model served back', async () => {
    const settings = { training: { epochs: 2, batchSize: 16, loss: 'categoricalCrossentropy' } };
    const created = await call('POST', `/api/projects/${projectId}/runs`, {
      as: alice,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'browser', backend: 'webgl', settings },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'running', place: 'browser', backend: 'webgl' });
    const runId = created.body.id;
    const epoch = { epoch: 0, metrics: { loss: 0.9, accuracy: 0.6 }, learningRate: 0.001, seconds: 0.5 };
    expect((await call('POST', `/api/runs/${runId}/epochs`, { as: alice, body: epoch })).body).toEqual({ recorded: true });
    // A retried post of the same epoch changes nothing.
    expect((await call('POST', `/api/runs/${runId}/epochs`, { as: alice, body: { ...epoch, metrics: { loss: 9 } } })).body).toEqual({
      recorded: false,
    });
    await call('POST', `/api/runs/${runId}/epochs`, { as: alice, body: { ...epoch, epoch: 1, metrics: { loss: 0.5, accuracy: 0.8 } } });

    const weights = new Uint8Array(new Float32Array([1, 2, 3, 4, 5, 6]).buffer);
    const uploaded = await putWeights(alice, runId, weights);
    expect(uploaded.status).toBe(201);
    const topology = { class_name: 'Sequential', config: { name: 'm', layers: [] } };
    const wrong = await call('POST', `/api/runs/${runId}/finish`, {
      as: alice,
      body: {
        status: 'completed',
        weights: {
          hash: uploaded.body.hash,
          modelTopology: topology,
          weightSpecs: [{ name: 'd/kernel', shape: [2, 2], dtype: 'float32' }],
        },
      },
    });
    expect(wrong.status).toBe(400);
    const badTiming = await call('POST', `/api/runs/${runId}/finish`, {
      as: alice,
      body: { status: 'completed', timing: { wallMs: 10, phases: { training: -5 }, samples: 1 } },
    });
    expect(badTiming.status).toBe(400);
    expect(JSON.stringify(badTiming.body)).toContain('timing');
    expect(wrong.body.error.message).toMatch(/do not match the weight specs, which describe 16 bytes/);
    expect(wrong.body.error.message).not.toMatch(/24/);
    const evaluation = {
      kind: 'classification',
      split: 'test',
      classes: ['a', 'b'],
      matrix: [
        [1, 0],
        [0, 1],
      ],
      perClass: [],
      accuracy: 1,
      count: 2,
      samples: [],
      featureShape: [2],
    };
    const finished = await call('POST', `/api/runs/${runId}/finish`, {
      as: alice,
      body: {
        status: 'completed',
        finalMetrics: { loss: 0.5, accuracy: 0.8, testAccuracy: 0.75 },
        wallTimeMs: 1234,
        evaluation,
        timing: { wallMs: 1200, phases: { setup: 100, training: 900, other: 200 }, samples: 600 },
        weights: {
          hash: uploaded.body.hash,
          modelTopology: topology,
          weightSpecs: [{ name: 'd/kernel', shape: [2, 3], dtype: 'float32' }],
        },
      },
    });
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);

    const run = await call('GET', `/api/runs/${runId}`, { as: viewer });
    expect(run.status).toBe(404); // not a member of the team
    const mine = await call('GET', `/api/runs/${runId}`, { as: alice });
    expect(mine.body).toMatchObject({
      status: 'completed',
      wallTimeMs: 1234,
      hasWeights: true,
      finalMetrics: { testAccuracy: 0.75 },
      evaluation,
      timing: { wallMs: 1200, phases: { training: 900 }, samples: 600 },
    });
    expect(mine.body.epochs.map((e: { epoch: number; metrics: { loss: number } }) => [e.epoch, e.metrics.loss])).toEqual([
      [0, 0.9],
      [1, 0.5],
    ]);
    expect(mine.body.config.training).toMatchObject(settings.training);
    const model = await call('GET', `/api/runs/${runId}/model`, { as: alice });
    expect(model.body).toMatchObject({ format: 'layers-model', modelTopology: topology, weightsManifest: [{ paths: ['weights.bin'] }] });

    // A finished run takes no more reports, and cannot be cancelled.
    expect((await call('POST', `/api/runs/${runId}/epochs`, { as: alice, body: { ...epoch, epoch: 2 } })).status).toBe(409);
    expect((await call('POST', `/api/runs/${runId}/cancel`, { as: alice })).status).toBe(409);
    // Continue training from it.
    const next = await call('POST', `/api/projects/${projectId}/runs`, {
      as: alice,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'browser', initialRunId: runId },
    });
    expect(next.status).toBe(201);
    const fresh = await call('GET', `/api/runs/${next.body.id}`, { as: alice });
    expect(fresh.body.initialRunId).toBe(runId);
    // Deleting: a running run must be cancelled first.
    expect((await call('DELETE', `/api/runs/${next.body.id}`, { as: alice })).status).toBe(409);
    expect((await call('POST', `/api/runs/${next.body.id}/cancel`, { as: alice })).body).toEqual({ status: 'cancelled' });
    expect((await call('DELETE', `/api/runs/${next.body.id}`, { as: alice })).status).toBe(204);
  });

  it('refuses what cannot be trained: unknown datasets, versions, runs of other projects, server reports from a page', async () => {
    const bad = (body: Record<string, unknown>) =>
      call('POST', `/api/projects/${projectId}/runs`, {
        as: alice,
        body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'browser', ...body },
      });
    expect((await bad({ dataset: { builtin: 'nope' } })).status).toBe(400);
    expect((await bad({ versionNumber: 9 })).status).toBe(404);
    expect((await bad({ dataset: { datasetVersionId: 'missing' } })).status).toBe(404);
    expect((await bad({ initialRunId: 'missing' })).status).toBe(404);
    expect((await bad({ settings: { training: { learningRate: -1 } } })).status).toBe(400);
    const server = await call('POST', `/api/projects/${projectId}/runs`, {
      as: alice,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'server', settings: { training: { epochs: 1 } } },
    });
    expect(server.body.status).toBe('queued');
    const report = await call('POST', `/api/runs/${server.body.id}/epochs`, {
      as: alice,
      body: { epoch: 0, metrics: {}, learningRate: 1, seconds: 1 },
    });
    expect(report.status).toBe(409);
    await call('POST', `/api/runs/${server.body.id}/cancel`, { as: alice });
  });

  it('renames a run, goes back to the made-up name on an empty one, and refuses a bad name with a clear message', async () => {
    const created = await call('POST', `/api/projects/${projectId}/runs`, {
      as: alice,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'browser', backend: 'cpu' },
    });
    expect(created.status).toBe(201);
    const runId = created.body.id;
    // Runs carry what their readable name is made from: the design, its version, the dataset, the date.
    expect(created.body).toMatchObject({ name: null, designName: 'Training project', versionNumber: 1, dataset: 'builtin:spiral' });

    const renamed = await call('PATCH', `/api/runs/${runId}`, { as: alice, body: { name: '  Wider hidden layer  ' } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.name).toBe('Wider hidden layer');
    expect((await call('GET', `/api/runs/${runId}`, { as: alice })).body.name).toBe('Wider hidden layer');
    const listed = await call('GET', `/api/projects/${projectId}/runs`, { as: alice });
    expect(listed.body.runs.find((r: { id: string }) => r.id === runId).name).toBe('Wider hidden layer');

    const cleared = await call('PATCH', `/api/runs/${runId}`, { as: alice, body: { name: '' } });
    expect(cleared.body.name).toBeNull();

    const tooLong = await call('PATCH', `/api/runs/${runId}`, { as: alice, body: { name: 'x'.repeat(121) } });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('at most 120 characters');
    expect((await call('PATCH', `/api/runs/${runId}`, { as: alice, body: { name: 'ok', status: 'completed' } })).status).toBe(400);
    expect((await call('PATCH', `/api/runs/${runId}`, { as: viewer, body: { name: 'mine now' } })).status).toBe(404);
    await call('POST', `/api/runs/${runId}/cancel`, { as: alice });
  });

  it('expands a sweep into one queued server run per grid point, labelled with its settings', async () => {
    const created = await call('POST', `/api/projects/${projectId}/sweeps`, {
      as: alice,
      body: {
        versionNumber: 1,
        dataset: { builtin: 'spiral' },
        settings: { training: { epochs: 3 } },
        axes: [
          { setting: 'learningRate', values: [0.01, 0.001] },
          { setting: 'units:dense_2', values: [8, 16] },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.runs).toHaveLength(4);
    expect(created.body.runs.map((r: { label: string }) => r.label)).toEqual([
      'learningRate=0.01, units:dense_2=8',
      'learningRate=0.01, units:dense_2=16',
      'learningRate=0.001, units:dense_2=8',
      'learningRate=0.001, units:dense_2=16',
    ]);
    expect(created.body.runs.every((r: { status: string; place: string }) => r.status === 'queued' && r.place === 'server')).toBe(true);
    expect(created.body.runs[3].config).toMatchObject({ training: { epochs: 3, learningRate: 0.001 }, units: { dense_2: 16 } });
    const listed = await call('GET', `/api/projects/${projectId}/runs?sweepId=${created.body.id}`, { as: alice });
    expect(listed.body.runs).toHaveLength(4);
    const sweeps = await call('GET', `/api/projects/${projectId}/sweeps`, { as: alice });
    expect(sweeps.body.sweeps[0]).toMatchObject({ id: created.body.id, dataset: 'builtin:spiral' });

    const notDense = await call('POST', `/api/projects/${projectId}/sweeps`, {
      as: alice,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, axes: [{ setting: 'units:input_1', values: [8] }] },
    });
    expect(notDense.status).toBe(400);
    const tooBig = await call('POST', `/api/projects/${projectId}/sweeps`, {
      as: alice,
      body: {
        versionNumber: 1,
        dataset: { builtin: 'spiral' },
        axes: [
          { setting: 'learningRate', values: [1, 2, 3, 4, 5, 6, 7, 8] },
          { setting: 'batchSize', values: [1, 2, 3, 4, 5, 6, 7, 8] },
          { setting: 'epochs', values: [1, 2] },
        ],
      },
    });
    expect(tooBig.status).toBe(400);
    for (const run of created.body.runs) await call('POST', `/api/runs/${run.id}/cancel`, { as: alice });
  });
});
