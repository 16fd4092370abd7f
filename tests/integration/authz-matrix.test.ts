import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@/server/auth/api-token';
import { db } from '@/server/db/client';
import type { Access, RouteContract } from '@/server/http/contract';
import { ErrorBodySchema } from '@/server/http/errors';
import { atLeast } from '@/server/permissions';
import { type Row, type RowsModule, WHO, type Who, type World } from './authz/world';
import { type Credentials, call, cookiesFrom, graphFixture, METHODS, routeFiles, routeModule, signUp, verifyEmail } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

/**
 * Every route file under app/api × every method it exports × {anonymous, non-member, viewer,
 * editor, owner, guest}, with the status each must get — once with session cookies and once with API
 * tokens. Each row runs in a fresh world (a shared team with one member of each role, a project
 * with two versions, invitations, a token, and what each rows file's `prepare` adds), so rows
 * cannot influence each other. Rows live in authz/rows-*.ts, one file per domain.
 */
const modules = Object.values(import.meta.glob<RowsModule>('./authz/rows-*.ts', { eager: true }));
const ROWS: Row[] = modules.flatMap((m) => m.rows);

describe('authorization matrix coverage', () => {
  it('covers every method of every route file under app/api', async () => {
    const missing: string[] = [];
    for (const route of routeFiles()) {
      const mod = await routeModule(route.file);
      for (const method of METHODS) {
        if (typeof mod[method] !== 'function') continue;
        if (!ROWS.some((r) => r.file === route.file && r.method === method)) missing.push(`${method} app/api/${route.file}`);
      }
    }
    expect(missing, 'routes missing from the authorization matrix').toEqual([]);
  });

  it('builds every method of every route file from a declared contract with that method and path', async () => {
    const wrong: string[] = [];
    for (const route of routeFiles()) {
      const mod = await routeModule(route.file);
      for (const method of METHODS) {
        if (typeof mod[method] !== 'function') continue;
        const contract = contractOf(mod[method]);
        if (!contract) wrong.push(`${method} app/api/${route.file}: not built with handle(contract, …)`);
        else if (contract.method !== method || fileOf(contract.path) !== route.file)
          wrong.push(`${method} app/api/${route.file}: built from ${contract.method} ${contract.path}`);
      }
    }
    expect(wrong, 'route files that do not use their own contract').toEqual([]);
  });

  it('expects of every row what its contract declares, where the declaration says it', async () => {
    const mismatched: string[] = [];
    for (const row of ROWS) {
      const contract = contractOf((await routeModule(row.file))[row.method]);
      const expected = contract && expectedStatuses(contract.access);
      if (!expected) continue;
      const got = row.expect.map((status, i) => (expected[i] === '2xx' && status >= 200 && status < 300 ? '2xx' : status));
      if (got.some((status, i) => expected[i] !== undefined && status !== expected[i])) {
        mismatched.push(`${row.method} ${row.file}: declared ${JSON.stringify(contract.access)}, rows expect ${row.expect.join(' ')}`);
      }
    }
    expect(mismatched, 'rows that disagree with the declared access').toEqual([]);
  });

  it('has no rows for routes that do not exist', async () => {
    const files = new Set(routeFiles().map((r) => r.file));
    for (const row of ROWS) {
      expect(files.has(row.file), row.file).toBe(true);
      expect(typeof (await routeModule(row.file))[row.method], `${row.method} ${row.file}`).toBe('function');
    }
  });
});

/** The contract a route handler was built from (handle() attaches it), if any. */
function contractOf(handler: unknown): RouteContract | undefined {
  return (handler as { contract?: RouteContract } | undefined)?.contract;
}

/** `/api/projects/:projectId/versions` → `projects/[projectId]/versions`, as the route file lies. */
function fileOf(path: string): string {
  return path
    .replace(/^\/api\//, '')
    .split('/')
    .map((s) => (s.startsWith(':') ? `[${s.slice(1)}]` : s.startsWith('*') ? `[...${s.slice(1)}]` : s))
    .join('/');
}

/**
 * What a declared access means for anonymous, non-member, viewer, editor and owner callers of the
 * world's shared resources (undefined where the declaration alone does not say).
 */
function expectedStatuses(access: Access): (number | '2xx' | undefined)[] | null {
  if (access === 'public') return null;
  if (access === 'user') return [401, undefined, undefined, undefined, undefined];
  if ('custom' in access) return [401, undefined, undefined, undefined, undefined];
  const needed = Object.values(access)[0] as 'viewer' | 'editor' | 'owner';
  return [401, 404, ...(['viewer', 'editor', 'owner'] as const).map((role) => (atLeast(role, needed) ? ('2xx' as const) : 403))];
}

describeEachDatabase('authorization matrix', () => {
  const users = {} as World['users'];
  const tokens = {} as Record<Exclude<Who, 'anonymous'>, string>;

  beforeAll(async () => {
    for (const who of ['nonMember', 'viewer', 'editor', 'owner'] as const) {
      users[who] = await signUp(`${who} person`);
      await verifyEmail(users[who]);
      const made = await call('POST', '/api/tokens', { as: users[who], body: { name: 'matrix' } });
      tokens[who] = made.body.token;
    }
    const guest = await call('POST', '/api/guest');
    const cookie = cookiesFrom(guest.headers);
    const me = await call('GET', '/api/me', { as: { cookie } });
    users.guest = { id: me.body.id, email: me.body.email, name: me.body.name, password: '', cookie };
    tokens.guest = (await call('POST', '/api/tokens', { as: users.guest, body: { name: 'matrix' } })).body.token;
  });

  /** A fresh shared team with one member of each role, a project with two versions, invitations and a token. */
  async function world(): Promise<World> {
    // A row may keep the guest's work (making it a real account): every world starts with a guest again.
    await db().user.update({ where: { id: users.guest.id }, data: { guest: true, email: users.guest.email } });
    const team = await db().team.create({
      data: {
        name: 'Shared team',
        memberships: {
          create: [
            { userId: users.owner.id, role: 'owner' },
            { userId: users.editor.id, role: 'editor' },
            { userId: users.viewer.id, role: 'viewer' },
          ],
        },
      },
    });
    // What does not depend on each other is made at the same time.
    const [project, invitation, mine, token] = await Promise.all([
      call('POST', `/api/teams/${team.id}/projects`, { as: users.owner, body: { name: 'Matrix project' } }),
      db().invitation.create({
        data: { teamId: team.id, email: `someone${Math.random().toString(36).slice(2)}@example.com`, role: 'viewer' },
      }),
      db().invitation.create({ data: { teamId: team.id, email: users.nonMember.email, role: 'editor' } }),
      db().apiToken.create({
        data: { userId: users.owner.id, name: 'row', tokenHash: hashToken(`nc_row_${Math.random()}`), prefix: 'nc_row' },
      }),
    ]);
    await call('POST', `/api/projects/${project.body.id}/versions`, { as: users.owner, body: { parent: null, graph: graphFixture(5) } });
    await call('POST', `/api/projects/${project.body.id}/versions`, { as: users.owner, body: { parent: 1, graph: graphFixture(6) } });
    const w: World = {
      teamId: team.id,
      projectId: project.body.id,
      invitationId: invitation.id,
      myInvitationId: mine.id,
      ownerTokenId: token.id,
      users,
      extra: {},
    };
    for (const extra of await Promise.all(modules.map((m) => m.prepare?.(w)))) Object.assign(w.extra, extra);
    return w;
  }

  it('refuses predict-scoped tokens outside predictions, outside their project, and once revoked', async () => {
    const w = await world();
    const other = await world();
    const made = await call('POST', '/api/tokens', { as: users.viewer, body: { name: 'app', scope: 'predict', projectId: w.projectId } });
    expect(made.status).toBe(201);
    const as = { token: made.body.token as string };
    const row = { rows: [Array.from({ length: 784 }, () => 0)] };
    expect((await call('POST', `/api/runs/${w.extra.predictRunId}/predict`, { as, body: row })).status).toBe(200);
    // Out of scope: every other route, and the runs of another project the same user can see.
    expect((await call('GET', `/api/runs/${w.extra.predictRunId}`, { as })).status).toBe(403);
    expect((await call('GET', `/api/projects/${w.projectId}`, { as })).status).toBe(403);
    expect((await call('GET', '/api/me', { as })).status).toBe(403);
    expect((await call('POST', `/api/runs/${other.extra.predictRunId}/predict`, { as, body: row })).status).toBe(403);
    expect((await call('DELETE', `/api/tokens/${made.body.id}`, { as: users.viewer })).status).toBe(204);
    const revoked = await call('POST', `/api/runs/${w.extra.predictRunId}/predict`, { as, body: row });
    expect(revoked.status).toBe(401);
    expect(ErrorBodySchema.safeParse(revoked.body).success).toBe(true);
  });

  /** The world the last row left unchanged (it saw only reads and refusals), for the next row to use. */
  let unchanged: World | null = null;

  for (const via of ['session', 'token'] as const) {
    for (const row of ROWS) {
      it(`${row.method} /api/${row.file} via ${via}`, async () => {
        const got: number[] = [];
        // A caller meets a world nobody has changed: a refusal changes nothing (and a refusal that did
        // change something would have answered 2xx and failed the row), so a world is made again only
        // after a write that went through — in this row or in the one before. The auth routes count
        // failed attempts: a fresh world each.
        const auth = row.file.startsWith('auth/');
        let w: World | null = auth ? null : unchanged;
        unchanged = null;
        for (const who of WHO) {
          if (!w || auth) w = await world();
          const as: Credentials | null =
            who === 'anonymous' ? null : via === 'session' ? { cookie: users[who].cookie } : { token: tokens[who] };
          const response = await call(row.method, row.path(w), { as, body: row.body?.(w) });
          got.push(response.status);
          if (row.method !== 'GET' && response.status < 400) w = null;
          if (response.status >= 400 && !row.file.startsWith('auth/')) {
            // Every refusal follows the error contract and leaks no stack trace.
            expect(ErrorBodySchema.safeParse(response.body).success, JSON.stringify(response.body)).toBe(true);
            expect(JSON.stringify(response.body)).not.toMatch(/\bat .+:\d+:\d+/);
          }
        }
        const expected = [...row.expect, row.guest ?? row.expect[1]];
        expect(Object.fromEntries(WHO.map((w, i) => [w, got[i]]))).toEqual(Object.fromEntries(WHO.map((w, i) => [w, expected[i]])));
        if (!auth) unchanged = w;
      });
    }
  }
});
