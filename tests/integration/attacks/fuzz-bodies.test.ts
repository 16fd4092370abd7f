import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededRandom } from '@/engine/data/random';
import { closeTrainQueue } from '@/server/training/queue';
import { closeRunEvents } from '@/server/training/run-events';
import { upload } from '../datasets-fixtures';
import { call, type Method, signUp, type TestUser } from '../helpers/api';
import { describeEachDatabase } from '../helpers/databases';
import { projectWithTemplate } from '../training-support';

/** Random bodies per JSON route (NETCANVAS_FUZZ_CASES; `npm run verify` sends more). */
const CASES = Number(process.env.NETCANVAS_FUZZ_CASES ?? 20);

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const STRINGS = ['', ' ', 'a', 'x'.repeat(10_000), 'nul\u0000', '__proto__', 'constructor', '😀', '<script>', '../..', 'head', '1e400'];
const NUMBERS = [0, -1, 1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 4294967296];

/** Any JSON value, nested a few levels. */
function anyValue(random: Random, depth = 0): unknown {
  const kind = Math.floor(random() * (depth > 3 ? 4 : 6));
  if (kind === 0) return null;
  if (kind === 1) return random() < 0.5;
  if (kind === 2) return pick(random, NUMBERS);
  if (kind === 3) return pick(random, STRINGS);
  if (kind === 4) return Array.from({ length: Math.floor(random() * 4) }, () => anyValue(random, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 4); i > 0; i--)
    out[pick(random, [...STRINGS, 'name', 'graph', 'parent', 'nodes'])] = anyValue(random, depth + 1);
  return out;
}

/** A valid body with one place changed: a field replaced by any value, removed, or one added. */
function mutate(random: Random, value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || (depth > 0 && random() < 0.3)) return anyValue(random);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const roll = random();
  if (roll < 0.1 || keys.length === 0) (copy as Record<string, unknown>)[pick(random, STRINGS)] = anyValue(random);
  else if (roll < 0.2) delete (copy as Record<string, unknown>)[pick(random, keys)];
  else {
    const key = pick(random, keys);
    (copy as Record<string, unknown>)[key] = mutate(random, (copy as Record<string, unknown>)[key], depth + 1);
  }
  return copy;
}

describeEachDatabase('fuzz: API bodies', () => {
  let owner: TestUser;
  const routes: { method: Method; url: string; valid: unknown }[] = [];

  beforeAll(async () => {
    owner = await signUp('Fuzz Owner');
    const teamId = (await call('POST', '/api/teams', { as: owner, body: { name: 'Fuzz team' } })).body.id;
    const projectId = await projectWithTemplate(owner, 'mlp', 'Fuzzed');
    const run = await call('POST', `/api/projects/${projectId}/runs`, {
      as: owner,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'browser', backend: 'webgl', settings: { training: { epochs: 1 } } },
    });
    const dataset = await upload(owner, teamId, 'x,y,label\n1,2,a\n3,4,b\n5,6,a\n7,8,b\n', { format: 'csv', options: {} });
    expect(dataset.status, JSON.stringify(dataset.body)).toBe(201);
    const graph = (await call('GET', `/api/projects/${projectId}/versions/1`, { as: owner })).body.graph;
    routes.push(
      { method: 'POST', url: '/api/teams', valid: { name: 'T' } },
      { method: 'PATCH', url: `/api/teams/${teamId}`, valid: { name: 'Renamed' } },
      { method: 'POST', url: `/api/teams/${teamId}/invitations`, valid: { email: 'someone@example.com', role: 'viewer' } },
      { method: 'PATCH', url: `/api/teams/${teamId}/members/${owner.id}`, valid: { role: 'editor' } },
      { method: 'POST', url: `/api/teams/${teamId}/projects`, valid: { name: 'P', description: 'd' } },
      { method: 'PATCH', url: `/api/projects/${projectId}`, valid: { name: 'Q' } },
      { method: 'POST', url: `/api/projects/${projectId}/duplicate`, valid: { name: 'Fork' } },
      { method: 'POST', url: `/api/projects/${projectId}/versions`, valid: { parent: 1, graph, message: 'm' } },
      { method: 'POST', url: `/api/projects/${projectId}/versions/1/restore`, valid: { parent: 1 } },
      {
        method: 'POST',
        url: `/api/projects/${projectId}/runs`,
        valid: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'browser', backend: 'webgl', settings: { training: {} } },
      },
      {
        method: 'POST',
        url: `/api/projects/${projectId}/sweeps`,
        valid: { versionNumber: 1, dataset: { builtin: 'spiral' }, axes: [{ setting: 'learningRate', values: [0.01] }] },
      },
      { method: 'POST', url: `/api/runs/${run.body.id}/epochs`, valid: { epoch: 0, metrics: { loss: 1 } } },
      { method: 'POST', url: `/api/runs/${run.body.id}/finish`, valid: { status: 'failed', error: 'e' } },
      { method: 'PATCH', url: `/api/datasets/${dataset.body.id}`, valid: { name: 'D' } },
      { method: 'POST', url: `/api/datasets/${dataset.body.id}/versions`, valid: { parent: 1, message: 'm' } },
      { method: 'POST', url: '/api/tokens', valid: { name: 'tok' } },
    );
  });

  afterAll(async () => {
    await closeTrainQueue();
    await closeRunEvents();
  });

  it(`${CASES} random and mutated bodies per JSON route: no uncaught error, every refusal a 4xx with a message`, async () => {
    const random = seededRandom(12);
    const uncaught: string[] = [];
    let sent = 0;
    for (const route of routes) {
      for (let i = 0; i < CASES; i++) {
        const body = random() < 0.3 ? anyValue(random) : mutate(random, route.valid);
        const response = await call(route.method, route.url, { as: owner, body: body === undefined ? null : body });
        sent++;
        const refusal = response.status >= 400 && response.status < 500;
        const explained = typeof response.body?.error?.message === 'string';
        if (response.status >= 500 || (refusal && !explained)) {
          uncaught.push(`${route.method} ${route.url} ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
        }
      }
    }
    expect(sent).toBe(routes.length * CASES);
    expect(uncaught).toEqual([]);
  }, 900_000);
});
