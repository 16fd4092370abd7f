import { writeBlob } from '@/server/blobs/write-blob';
import { db } from '@/server/db/client';
import type { Row, World } from './world';

/**
 * Training: runs, their events, weights and model, browser reports, sweeps. Each world gets a
 * finished server run with trained weights, a browser run in progress and a sweep.
 */
export async function prepare(world: World): Promise<Record<string, string>> {
  const weights = await writeBlob(new Uint8Array(new Float32Array([0.5, -0.25]).buffer));
  const finished = await db().trainingRun.create({
    data: {
      projectId: world.projectId,
      versionNumber: 1,
      builtinDataset: 'spiral',
      place: 'server',
      status: 'completed',
      config: { training: { epochs: 1 } },
      finishedAt: new Date(),
      epochs: { create: { epoch: 0, metrics: { loss: 1 }, learningRate: 0.001, seconds: 1 } },
      artifacts: {
        create: {
          kind: 'weights',
          blobHash: weights.hash,
          meta: { modelTopology: { class_name: 'Model' }, weightSpecs: [{ name: 'dense/kernel', shape: [2], dtype: 'float32' }] },
        },
      },
    },
  });
  const browser = await db().trainingRun.create({
    data: {
      projectId: world.projectId,
      versionNumber: 1,
      builtinDataset: 'spiral',
      place: 'browser',
      status: 'running',
      config: {},
      startedAt: new Date(),
    },
  });
  const sweep = await db().sweep.create({
    data: { projectId: world.projectId, versionNumber: 1, grid: [{ setting: 'learningRate', values: [0.01] }], builtinDataset: 'spiral' },
  });
  return { runId: finished.id, browserRunId: browser.id, sweepId: sweep.id };
}

const run = (w: World) => `/api/runs/${w.extra.runId}`;
const browserRun = (w: World) => `/api/runs/${w.extra.browserRunId}`;

export const rows: Row[] = [
  { file: 'projects/[projectId]/runs', method: 'GET', path: (w) => `/api/projects/${w.projectId}/runs`, expect: [401, 404, 200, 200, 200] },
  {
    file: 'projects/[projectId]/runs',
    method: 'POST',
    path: (w) => `/api/projects/${w.projectId}/runs`,
    body: () => ({ versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'browser', backend: 'cpu', settings: { training: {} } }),
    expect: [401, 404, 403, 201, 201],
  },
  {
    file: 'projects/[projectId]/sweeps',
    method: 'GET',
    path: (w) => `/api/projects/${w.projectId}/sweeps`,
    expect: [401, 404, 200, 200, 200],
  },
  {
    file: 'projects/[projectId]/sweeps',
    method: 'POST',
    path: (w) => `/api/projects/${w.projectId}/sweeps`,
    body: () => ({ versionNumber: 1, dataset: { builtin: 'spiral' }, axes: [{ setting: 'learningRate', values: [0.01] }] }),
    expect: [401, 404, 403, 201, 201],
  },
  {
    file: 'projects/[projectId]/sweeps/[sweepId]',
    method: 'GET',
    path: (w) => `/api/projects/${w.projectId}/sweeps/${w.extra.sweepId}`,
    expect: [401, 404, 200, 200, 200],
  },
  { file: 'runs/[runId]', method: 'GET', path: run, expect: [401, 404, 200, 200, 200] },
  { file: 'runs/[runId]', method: 'PATCH', path: run, body: () => ({ name: 'Best so far' }), expect: [401, 404, 403, 200, 200] },
  { file: 'runs/[runId]', method: 'DELETE', path: run, expect: [401, 404, 403, 204, 204] },
  { file: 'runs/[runId]/cancel', method: 'POST', path: (w) => `${browserRun(w)}/cancel`, expect: [401, 404, 403, 200, 200] },
  { file: 'runs/[runId]/events', method: 'GET', path: (w) => `${run(w)}/events`, expect: [401, 404, 200, 200, 200] },
  {
    file: 'runs/[runId]/epochs',
    method: 'POST',
    path: (w) => `${browserRun(w)}/epochs`,
    body: () => ({ epoch: 0, metrics: { loss: 0.5 }, learningRate: 0.001, seconds: 0.1 }),
    expect: [401, 404, 403, 200, 200],
  },
  {
    file: 'runs/[runId]/finish',
    method: 'POST',
    path: (w) => `${browserRun(w)}/finish`,
    body: () => ({ status: 'completed', finalMetrics: { loss: 0.5 }, wallTimeMs: 100 }),
    expect: [401, 404, 403, 200, 200],
  },
  { file: 'runs/[runId]/model', method: 'GET', path: (w) => `${run(w)}/model`, expect: [401, 404, 200, 200, 200] },
  { file: 'runs/[runId]/weights.bin', method: 'GET', path: (w) => `${run(w)}/weights.bin`, expect: [401, 404, 200, 200, 200] },
  {
    file: 'runs/[runId]/weights.bin',
    method: 'PUT',
    path: (w) => `${browserRun(w)}/weights.bin`,
    body: () => 'raw weight bytes',
    expect: [401, 404, 403, 201, 201],
  },
];
