import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { templateGraph } from '@/engine/templates';
import { spawnScript } from '../../scripts/spawn-script';
import { call, ORIGIN, routeModule, type TestUser } from './helpers/api';

/** Helpers of the training integration tests: projects with a template version, workers, SSE. */
const root = path.resolve(import.meta.dirname, '../..');

/** Uploads a browser run's weights.bin (a raw body, sent past the JSON helper). */
export async function putWeights(user: TestUser, runId: string, bytes: Uint8Array): Promise<{ status: number; body: { hash?: string } }> {
  const mod = await routeModule('runs/[runId]/weights.bin');
  const handler = mod.PUT as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const response = await handler(
    new Request(`${ORIGIN}/api/runs/${runId}/weights.bin`, {
      method: 'PUT',
      headers: { cookie: user.cookie, origin: ORIGIN },
      body: bytes.slice().buffer,
    }),
    { params: Promise.resolve({ runId }) },
  );
  return { status: response.status, body: await response.json() };
}

export async function projectWithTemplate(user: TestUser, template: string, name = 'Training project'): Promise<string> {
  const teams = await call('GET', '/api/teams', { as: user });
  const created = await call('POST', `/api/teams/${teams.body.teams[0].id}/projects`, { as: user, body: { name } });
  expect(created.status).toBe(201);
  const graph = templateGraph(template);
  const saved = await call('POST', `/api/projects/${created.body.id}/versions`, { as: user, body: { parent: null, graph } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  return created.body.id;
}

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<number | null>;
}

/**
 * Leases for tests that kill a worker and wait for its run to be taken over: short, so recovery is
 * quick, yet long enough that a live worker on a loaded machine (a share of a core, seconds to
 * build a model) does not lose its run to a lapse.
 */
export const QUICK_RECOVERY = { NETCANVAS_LEASE_SECONDS: '6', NETCANVAS_REAP_MS: '1000' };

/**
 * Starts `worker/main.ts` as one Node process (tsx as a loader, not its CLI, which would put the
 * worker in a child process a SIGKILL could not reach) on the test database, with the default
 * lease unless `env` says otherwise (see QUICK_RECOVERY).
 */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const child = spawnScript('worker/main.ts', [], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const waitFor = async (text: string | RegExp, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    const seen = () => (typeof text === 'string' ? output.includes(text) : text.test(output));
    while (!seen()) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`worker exited before "${text}":\n${output}`);
      if (Date.now() > deadline) throw new Error(`worker did not print "${text}" within ${timeoutMs} ms:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    child,
    output: () => output,
    waitFor,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Polls a run until `done` says so. */
// biome-ignore lint/suspicious/noExplicitAny: run bodies are read loosely in tests
export async function waitForRun(user: TestUser, runId: string, done: (run: any) => boolean, timeoutMs = 120_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await call('GET', `/api/runs/${runId}`, { as: user });
    expect(run.status).toBe(200);
    if (done(run.body)) return run.body;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not get there in time: ${JSON.stringify(run.body).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Opens GET /api/runs/:runId/events through the route handler and collects its events as they come. */
export async function openEvents(user: TestUser, runId: string) {
  const mod = await routeModule('runs/[runId]/events');
  const handler = mod.GET as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const abort = new AbortController();
  const response = await handler(
    new Request(`${ORIGIN}/api/runs/${runId}/events`, { headers: { cookie: user.cookie, origin: ORIGIN }, signal: abort.signal }),
    { params: Promise.resolve({ runId }) },
  );
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  // biome-ignore lint/suspicious/noExplicitAny: event payloads are checked field by field
  const events: any[] = [];
  let ended = false;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (data) events.push(JSON.parse(data));
        cut = buffer.indexOf('\n\n');
      }
    }
    ended = true;
  })();
  return {
    events,
    ended: () => ended,
    done: pump,
    close: () => {
      abort.abort();
      void reader.cancel().catch(() => undefined);
    },
  };
}
