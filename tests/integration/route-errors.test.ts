import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { call as callApi } from '@/components/ui/api';
import { db } from '@/server/db/client';
import { defineRoute } from '@/server/http/contract';
import { handle } from '@/server/http/handle';
import * as teamRoutes from '@/server/teams/routes';
import * as tokenRoutes from '@/server/tokens/routes';
import { upload } from './datasets-fixtures';
import { call, ORIGIN, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

/**
 * Only what the client sent is its fault (400, with the issues). An answer that breaks its own
 * contract, or a stored record that no longer parses, is the server's (500 `internal`): logged with
 * the route and the zod issue, answered with words that give nothing away.
 */
const INTERNAL = { code: 'internal', message: 'Something went wrong on the server. The problem has been logged.' };

/** What the server logged while `run` ran. */
async function logged(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

describeEachDatabase('route errors', () => {
  let alice: TestUser;
  let teamId: string;

  beforeAll(async () => {
    alice = await signUp('Alice Errors');
    teamId = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
  });

  afterEach(() => vi.restoreAllMocks());

  it('turns an answer that breaks its contract into a 500 internal error, logged with the route and the issue', async () => {
    const contract = defineRoute({
      method: 'GET',
      path: '/api/example/:teamId',
      params: z.object({ teamId: z.string() }),
      output: z.object({ count: z.number() }),
      access: { team: 'viewer' },
    });
    // A handler whose answer does not match the output schema, as a bug would make it.
    const GET = handle(contract, async () => ({ count: 'three' }) as unknown as { count: number });
    let response: Response | undefined;
    const log = await logged(async () => {
      response = await GET(new Request(`${ORIGIN}/api/example/${teamId}`, { headers: { cookie: alice.cookie } }), {
        params: Promise.resolve({ teamId }),
      });
    });
    expect(response?.status).toBe(500);
    const text = await (response as Response).text();
    expect(JSON.parse(text)).toEqual({ error: INTERNAL });
    expect(text).not.toContain('three');
    expect(log).toContain('GET /api/example/:teamId');
    expect(log).toMatch(/count: .*expected number/);
  });

  it('answers a run whose stored settings are not an object with a 500, not an answer that breaks the contract', async () => {
    const project = await call('POST', `/api/teams/${teamId}/projects`, { as: alice, body: { name: 'Stored records' } });
    const run = await db().trainingRun.create({
      data: { projectId: project.body.id, versionNumber: 1, builtinDataset: 'spiral', place: 'server', status: 'queued', config: [1, 2] },
    });
    let response: Awaited<ReturnType<typeof call>> | undefined;
    const log = await logged(async () => {
      response = await call('GET', `/api/runs/${run.id}`, { as: alice });
    });
    expect(response?.status).toBe(500);
    expect(response?.body).toEqual({ error: INTERNAL });
    expect(log).toContain('GET /api/runs/:runId');
    expect(log).toContain('config');
  });

  it('answers a dataset version whose stored meta no longer parses with a 500 internal error, logged', async () => {
    const made = await upload(alice, teamId, 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n', { format: 'csv' });
    expect(made.status).toBe(201);
    await db().datasetVersion.updateMany({
      where: { datasetId: made.body.datasetId },
      data: { meta: { kind: 'tabular', counts: 'many' } },
    });
    for (const url of [`/api/datasets/${made.body.datasetId}`, `/api/datasets/${made.body.datasetId}/versions/1`]) {
      let response: Awaited<ReturnType<typeof call>> | undefined;
      const log = await logged(async () => {
        response = await call('GET', url, { as: alice });
      });
      expect(response?.status, url).toBe(500);
      expect(response?.body, url).toEqual({ error: INTERNAL });
      expect(JSON.stringify(response?.body)).not.toContain('counts');
      expect(log, url).toMatch(/GET \/api\/datasets\/:datasetId.* did not match its schema/);
      expect(log, url).toContain('counts');
    }
  });

  it('keeps input errors 400 with their message: body, query, params and input nested in them', async () => {
    const body = await call('POST', '/api/teams', { as: alice, body: { name: '   ' } });
    expect(body.status).toBe(400);
    expect(body.body.error.message).toBe('The request is not valid.');
    expect(body.body.error.details.issues).toEqual([{ path: 'name', message: 'Give the team a name.' }]);

    const project = await call('POST', `/api/teams/${teamId}/projects`, { as: alice, body: { name: 'Inputs' } });
    const query = await call('GET', `/api/projects/${project.body.id}/versions?limit=0`, { as: alice });
    expect(query.status).toBe(400);
    expect(query.body.error.details.issues[0].path).toBe('limit');

    const params = await call('GET', `/api/runs/${'r'.repeat(65)}`, { as: alice });
    expect(params.status).toBe(400);
    expect(params.body.error.details.issues[0].path).toBe('runId');

    const options = await upload(alice, teamId, 'a,b\n1,2\n', { format: 'csv', options: { split: { validation: 2 } } });
    expect(options.status).toBe(400);
    expect(options.body.error.message).toBe('The request is not valid.');
  });
});

describeEachDatabase('the typed client', () => {
  let alice: TestUser;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    alice = await signUp('Alice Client');
  });

  /** The page's fetch, answered by the real route handlers with Alice's session (or a canned answer). */
  function serve(answer?: (url: URL) => Response | null) {
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input), ORIGIN);
      const canned = answer?.(url);
      if (canned) return canned;
      const { status, body } = await call((init?.method ?? 'GET') as 'GET', url.pathname + url.search, {
        as: alice,
        body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
      });
      return new Response(status === 204 ? null : JSON.stringify(body), { status });
    }) as typeof fetch;
  }

  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('decodes answers with the output schema: times arrive as dates', async () => {
    serve();
    const made = await callApi(tokenRoutes.createToken, { body: { name: 'laptop' } });
    expect(made.ok && made.status).toBe(201);
    if (!made.ok) return;
    expect(made.data.createdAt).toBeInstanceOf(Date);
    expect(made.data.token.startsWith('nc_')).toBe(true);
    const listed = await callApi(tokenRoutes.listTokens);
    expect(listed.ok && listed.data.tokens.map((t) => t.id)).toContain(made.data.id);
    const revoked = await callApi(tokenRoutes.revokeToken, { params: { tokenId: made.data.id } });
    expect(revoked).toEqual({ ok: true, status: 204, data: undefined });
  });

  it('returns the server refusal in words', async () => {
    serve();
    const refused = await callApi(teamRoutes.createTeam, { body: { name: '' } });
    expect(refused).toMatchObject({ ok: false, status: 400, code: 'bad_request', message: 'The request is not valid.' });
  });

  it('shows an answer that does not match the contract as a clear error, not a crash', async () => {
    serve((url) => (url.pathname === '/api/teams' ? Response.json({ teams: [{ id: 't1', name: 'Mine' }] }) : null));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await callApi(teamRoutes.listTeams);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid_answer');
    expect(result.message).toMatch(/^The server's answer was not in the form this page expects \(at teams\.0\.personal: .+\)/);
    expect(errors).toHaveBeenCalled();
  });
});

describe('urlOf', () => {
  it('builds the path from the contract, encoding params and leaving out empty query fields', async () => {
    const { urlOf } = await import('@/components/ui/api');
    const versionRoutes = await import('@/server/versions/routes');
    const trainingRoutes = await import('@/server/training/routes');
    expect(urlOf(versionRoutes.getVersion, { params: { projectId: 'a b/c', number: 'head' } })).toBe(
      '/api/projects/a%20b%2Fc/versions/head',
    );
    expect(urlOf(trainingRoutes.listRuns, { params: { projectId: 'p' }, query: { status: 'running', dataset: undefined, limit: 5 } })).toBe(
      '/api/projects/p/runs?status=running&limit=5',
    );
  });
});
