import { afterAll, beforeAll, expect, it } from 'vitest';
import { resetAuth } from '@/server/auth/auth';
import { db } from '@/server/db/client';
import { call, graphFixture, ORIGIN, routeModule, signUp, type TestUser } from '../helpers/api';
import { describeEachDatabase } from '../helpers/databases';

type RouteFn = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Sends a request built by hand (a body type or stream the JSON helper does not make) to a route file. */
async function send(file: string, params: Record<string, string | string[]>, request: Request): Promise<Response> {
  const handler = (await routeModule(file)).POST as RouteFn;
  return handler(request, { params: Promise.resolve(params) });
}

/** A body without a length that never ends: each pull hands out another megabyte. */
function endlessBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

const signInForm = (email: string, address: string) =>
  new Request(`${ORIGIN}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
    body: new URLSearchParams({ email, password: 'a wrong guess' }).toString(),
  });

describeEachDatabase('attacks: what a request may carry', () => {
  let user: TestUser;
  let projectId: string;
  const before = process.env.NETCANVAS_RATE_LIMIT;

  beforeAll(async () => {
    user = await signUp('Ingrid Input');
    const teams = await call('GET', '/api/teams', { as: user });
    projectId = (await call('POST', `/api/teams/${teams.body.teams[0].id}/projects`, { as: user, body: { name: 'Inputs' } })).body.id;
    await call('POST', `/api/projects/${projectId}/versions`, { as: user, body: { parent: null, graph: graphFixture(3) } });
  });
  afterAll(() => {
    if (before === undefined) delete process.env.NETCANVAS_RATE_LIMIT;
    else process.env.NETCANVAS_RATE_LIMIT = before;
    resetAuth();
  });

  it('counts form-encoded sign-in attempts against the account, whatever address each one claims', async () => {
    process.env.NETCANVAS_RATE_LIMIT = 'on';
    resetAuth();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await send('auth/[...all]', { all: ['sign-in', 'email'] }, signInForm(user.email, `203.0.113.${i + 1}`))).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    delete process.env.NETCANVAS_RATE_LIMIT;
    resetAuth();
  });

  it('stops reading a body without a length at the limit, on the auth routes and the JSON routes', async () => {
    const auth = endlessBody();
    const signIn = await send(
      'auth/[...all]',
      { all: ['sign-in', 'email'] },
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: auth.stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(signIn.status).toBe(413);
    expect((await signIn.json()).error.message).toMatch(/larger than 64 KB/);
    // What was read after the refusal was dropped as it came (bounded), never kept.
    expect(auth.pulled()).toBeLessThanOrEqual(300 * 1024 * 1024);

    const json = endlessBody();
    const team = await send(
      'teams',
      {},
      new Request(`${ORIGIN}/api/teams`, {
        method: 'POST',
        headers: { origin: ORIGIN, cookie: user.cookie, 'content-type': 'application/json' },
        body: json.stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(team.status).toBe(413);
  });

  it('refuses NUL characters in any text with the field they are in (400, not a database error)', async () => {
    const renamed = await call('PATCH', `/api/projects/${projectId}`, { as: user, body: { name: 'bad\u0000name' } });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.details.issues[0].path).toBe('name');
    const graph = graphFixture(3);
    (graph.nodes[1] as { name?: string }).name = 'layer\u0000';
    const saved = await call('POST', `/api/projects/${projectId}/versions`, { as: user, body: { parent: 1, graph, message: 'ok' } });
    expect(saved.status).toBe(400);
    expect(saved.body.error.details.issues[0].path).toBe('graph.nodes.1.name');
    const message = await call('POST', `/api/projects/${projectId}/versions`, {
      as: user,
      body: { parent: 1, graph: graphFixture(4), message: '\u0000' },
    });
    expect(message.status).toBe(400);
    const signUpNul = await call('POST', '/api/auth/sign-up/email', {
      body: { name: 'N\u0000', email: `nul${Date.now()}@example.com`, password: 'a long password 1' },
    });
    expect(signUpNul.status).toBe(400);
    expect(signUpNul.body.error.message).toMatch(/NUL/);
  });

  it('refuses integers that do not fit a 32-bit column with the bound (400)', async () => {
    const big = 2 ** 31;
    const parent = await call('POST', `/api/projects/${projectId}/versions`, { as: user, body: { parent: big, graph: graphFixture(5) } });
    expect(parent.status).toBe(400);
    expect(parent.body.error.details.issues[0]).toEqual({ path: 'parent', message: 'Must be at most 2147483647.' });
    expect((await call('GET', `/api/projects/${projectId}/versions/${big}`, { as: user })).status).toBe(400);
    expect((await call('GET', `/api/projects/${projectId}/diff?from=${big}&to=1`, { as: user })).status).toBe(400);
    expect((await call('GET', `/api/projects/${projectId}/versions/${big - 1}`, { as: user })).status).toBe(404);
    const run = await call('POST', `/api/projects/${projectId}/runs`, {
      as: user,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'browser', backend: 'webgl', settings: { training: { epochs: 1 } } },
    });
    const epoch = await call('POST', `/api/runs/${run.body.id}/epochs`, { as: user, body: { epoch: big, metrics: { loss: 1 } } });
    expect(epoch.status).toBe(400);
    const finish = await call('POST', `/api/runs/${run.body.id}/finish`, { as: user, body: { status: 'completed', wallTimeMs: big } });
    expect(finish.status).toBe(400);
  });

  it("limits a user's name, which also names their personal team", async () => {
    const long = await call('POST', '/api/auth/sign-up/email', {
      body: { name: 'x'.repeat(101), email: `long${Date.now()}@example.com`, password: 'a long password 1' },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/longer than 100 characters/);
    expect(await db().user.count({ where: { name: 'x'.repeat(101) } })).toBe(0);
  });

  it('refuses auth forms from a foreign origin, password reset requests included', async () => {
    const reset = await call('POST', '/api/auth/request-password-reset', {
      body: { email: user.email, redirectTo: '/reset-password' },
      origin: 'https://evil.invalid',
    });
    expect(reset.status).toBe(403);
  });

  it('marks the session cookies Secure when the app is served over https', async () => {
    const before = process.env.BETTER_AUTH_URL;
    process.env.BETTER_AUTH_URL = 'https://netcanvas.example';
    resetAuth();
    try {
      const response = await call('POST', '/api/auth/sign-up/email', {
        body: { name: 'Secure', email: `secure${Date.now()}@example.com`, password: 'a long password 1' },
      });
      expect(response.status).toBe(200);
      const cookies = response.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
    } finally {
      if (before === undefined) delete process.env.BETTER_AUTH_URL;
      else process.env.BETTER_AUTH_URL = before;
      resetAuth();
    }
  });
});
