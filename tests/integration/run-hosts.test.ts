import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FromWorker, StartMessage, ToWorker } from '@/components/training/protocol';
import type { GraphDoc } from '@/engine/graph/schema';
import { templateGraph } from '@/engine/templates';
import { claimRun } from '@/server/training/lease';
import { closeTrainQueue } from '@/server/training/queue';
import { closeRunEvents } from '@/server/training/run-events';
import { trainOnServer } from '@/server/training/train-on-server';
import { call, ORIGIN, send, signUp, type TestUser } from './helpers/api';
import { describeOnOneDatabase } from './helpers/databases';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
/** Figures that measure the machine, not the model: they differ from one run to the next. */
const TIMING = new Set(['samplesPerSecond']);
/** What the CLI prints besides the final figures: facts about the run. */
const CLI_RUN_FACTS = ['stoppedEarly', 'wallTimeSeconds', 'backend', 'dataset', 'trainSamples'];

/** The MLP template with a seed in its settings: the same initial weights, shuffles and splits everywhere. */
function seededGraph(): GraphDoc {
  const doc = templateGraph('mlp') as GraphDoc;
  return { ...doc, training: { ...doc.training, epochs: 3, batchSize: 32, seed: 7, keepBest: true } } as GraphDoc;
}

/**
 * The one run driver behind all three places that train: the same graph, data and seed through the
 * browser's worker code (run under Node with fetch answered by the API's route handlers), a server
 * worker's path against the database, and the CLI give the same final figures. On one database: the
 * browser's worker module keeps its backend for the process.
 */
describeOnOneDatabase('one run driver, three hosts', (env) => {
  let alice: TestUser;
  let projectId: string;
  const doc = seededGraph();

  beforeAll(async () => {
    alice = await signUp('Alice Hosts');
    const teams = await call('GET', '/api/teams', { as: alice });
    const created = await call('POST', `/api/teams/${teams.body.teams[0].id}/projects`, { as: alice, body: { name: 'Hosts' } });
    projectId = created.body.id;
    const saved = await call('POST', `/api/projects/${projectId}/versions`, { as: alice, body: { parent: null, graph: doc } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  });

  afterAll(async () => {
    await closeTrainQueue();
    await closeRunEvents();
  });

  it('gives the same final-figure keys and values in the browser worker, on a server worker and in the CLI', async () => {
    const browser = await trainInWorkerCode(alice, doc);
    expect(browser.type).toBe('done');
    const browserFigures = (browser as Extract<FromWorker, { type: 'done' }>).finalMetrics;

    const server = await trainOnServerPath(alice, projectId);
    expect(server.status, server.error ?? '').toBe('completed');
    const serverFigures = server.finalMetrics as Record<string, number>;
    // Both hosts say where the run's time went; the server's includes writing its checkpoints.
    const browserTiming = (browser as Extract<FromWorker, { type: 'done' }>).timing;
    expect(browserTiming.phases.training).toBeGreaterThan(0);
    expect(server.timing.samples).toBe(browserTiming.samples);
    expect(server.timing.phases.training).toBeGreaterThan(0);
    expect(server.timing.phases.checkpoint).toBeGreaterThan(0);
    expect(server.timing.wallMs).toBeGreaterThanOrEqual(server.timing.phases.training);

    const dir = await mkdtemp(path.join(tmpdir(), 'nc-hosts-'));
    await writeFile(path.join(dir, 'graph.json'), JSON.stringify(doc));
    const { stdout } = await exec(
      process.execPath,
      ['bin/netcanvas.js', 'train', path.join(dir, 'graph.json'), '--data', 'builtin:spiral', '--json'],
      {
        cwd: root,
      },
    );
    const cli = JSON.parse(stdout) as Record<string, unknown>;
    const cliFigures = Object.fromEntries(Object.entries(cli).filter(([key]) => !CLI_RUN_FACTS.includes(key))) as Record<string, number>;

    const keys = Object.keys(browserFigures).sort();
    expect(keys).toEqual(
      expect.arrayContaining(['loss', 'accuracy', 'valLoss', 'valAccuracy', 'testLoss', 'testAccuracy', 'epochs', 'bestEpoch']),
    );
    expect(Object.keys(serverFigures).sort()).toEqual(keys);
    expect(Object.keys(cliFigures).sort()).toEqual(keys);
    for (const key of keys.filter((k) => !TIMING.has(k))) {
      expect(serverFigures[key], `server ${key}`).toBeCloseTo(browserFigures[key] as number, 5);
      expect(cliFigures[key], `cli ${key}`).toBeCloseTo(browserFigures[key] as number, 5);
    }
    expect(browserFigures.epochs).toBe(3);
  }, 240_000);

  /** The browser's training worker module, driven through its messages, with the API behind fetch. */
  async function trainInWorkerCode(user: TestUser, graph: GraphDoc): Promise<FromWorker> {
    const messages: FromWorker[] = [];
    let deliver: ((message: FromWorker) => void) | null = null;
    const scope = {
      onmessage: null as ((event: { data: ToWorker }) => void) | null,
      postMessage: (message: FromWorker) => {
        messages.push(message);
        deliver?.(message);
      },
    };
    const realFetch = globalThis.fetch;
    Object.assign(globalThis, { self: scope });
    // The API answers through its route handlers; anything else (the wasm binary) is fetched as usual.
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input), ORIGIN);
      if (url.origin !== ORIGIN) return realFetch(input, init);
      return send((init?.method ?? 'GET') as 'GET', url.toString(), { as: user });
    }) as typeof fetch;
    try {
      // A page's worker starts on a backend that is ready at once (webgl in a browser; cpu here), then measures.
      await tf.setBackend('cpu');
      await import('@/components/training/train.worker');
      const finished = new Promise<FromWorker>((resolve) => {
        deliver = (message) => {
          // Messages cross asynchronously, as between a page and its worker.
          if (message.type === 'measured') setTimeout(() => scope.onmessage?.({ data: { type: 'go' } }), 0);
          if (message.type === 'done' || message.type === 'error') resolve(message);
        };
      });
      const start: StartMessage = {
        type: 'start',
        graph,
        dataset: { builtin: 'spiral' },
        overrides: {},
        augmentation: null,
        backends: ['wasm'],
        wasmPath: `${path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`,
        initialWeightsUrl: null,
      };
      scope.onmessage?.({ data: start });
      const done = await finished;
      if (done.type === 'error') throw new Error(done.message);
      return done;
    } finally {
      globalThis.fetch = realFetch;
    }
  }

  /** A server run recorded through the API, claimed and trained the way the queue's handler does. */
  async function trainOnServerPath(user: TestUser, project: string) {
    const created = await call('POST', `/api/projects/${project}/runs`, {
      as: user,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'server', settings: { training: {} } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const runId = created.body.id as string;
    const workerId = `test-${env.db.kind}`;
    const claim = await claimRun(runId, workerId, 'job-1');
    expect(claim.ok).toBe(true);
    const { nodeTf } = await import('@/engine/backends/node-tf');
    const outcome = await trainOnServer(await nodeTf(), { runId, workerId, checkpoint: { epoch: null, hash: null } });
    expect(outcome).toBe('completed');
    return (await call('GET', `/api/runs/${runId}`, { as: user })).body;
  }
});
