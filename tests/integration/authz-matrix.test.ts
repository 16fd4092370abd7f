import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@/server/auth/api-token';
import { db } from '@/server/db/client';
import { ErrorBodySchema } from '@/server/http/errors';
import { type Credentials, call, graphFixture, METHODS, type Method, routeFiles, routeModule, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

/**
 * Every route file under app/api × every method it exports × {anonymous, non-member, viewer,
 * editor, owner}, with the status each must get — once with session cookies and once with API
 * tokens. Each row runs in a fresh world (a shared team with one member of each role, a project
 * with two versions, invitations, a token), so rows cannot influence each other.
 *
 * A route file or method missing from ROWS fails the coverage test: add every new route here.
 */
type Who = 'anonymous' | 'nonMember' | 'viewer' | 'editor' | 'owner';
const WHO: Who[] = ['anonymous', 'nonMember', 'viewer', 'editor', 'owner'];

interface World {
  teamId: string;
  projectId: string;
  invitationId: string;
  /** An invitation addressed to the non-member's email. */
  myInvitationId: string;
  ownerTokenId: string;
  users: Record<Exclude<Who, 'anonymous'>, TestUser>;
}

interface Row {
  file: string;
  method: Method;
  path: (w: World) => string;
  body?: (w: World) => unknown;
  /** Expected status for anonymous, non-member, viewer, editor, owner. */
  expect: [number, number, number, number, number];
}

const ROWS: Row[] = [
  { file: 'health', method: 'GET', path: () => '/api/health', expect: [200, 200, 200, 200, 200] },
  { file: 'auth/[...all]', method: 'GET', path: () => '/api/auth/get-session', expect: [200, 200, 200, 200, 200] },
  {
    file: 'auth/[...all]',
    method: 'POST',
    path: () => '/api/auth/sign-in/email',
    body: (w) => ({ email: w.users.owner.email, password: 'not the password' }),
    expect: [401, 401, 401, 401, 401],
  },
  { file: 'me', method: 'GET', path: () => '/api/me', expect: [401, 200, 200, 200, 200] },
  { file: 'teams', method: 'GET', path: () => '/api/teams', expect: [401, 200, 200, 200, 200] },
  { file: 'teams', method: 'POST', path: () => '/api/teams', body: () => ({ name: 'New team' }), expect: [401, 201, 201, 201, 201] },
  { file: 'teams/[teamId]', method: 'GET', path: (w) => `/api/teams/${w.teamId}`, expect: [401, 404, 200, 200, 200] },
  {
    file: 'teams/[teamId]',
    method: 'PATCH',
    path: (w) => `/api/teams/${w.teamId}`,
    body: () => ({ name: 'Renamed' }),
    expect: [401, 404, 403, 403, 200],
  },
  { file: 'teams/[teamId]', method: 'DELETE', path: (w) => `/api/teams/${w.teamId}`, expect: [401, 404, 403, 403, 204] },
  { file: 'teams/[teamId]/projects', method: 'GET', path: (w) => `/api/teams/${w.teamId}/projects`, expect: [401, 404, 200, 200, 200] },
  {
    file: 'teams/[teamId]/projects',
    method: 'POST',
    path: (w) => `/api/teams/${w.teamId}/projects`,
    body: () => ({ name: 'Another' }),
    expect: [401, 404, 403, 201, 201],
  },
  {
    file: 'teams/[teamId]/members/[userId]',
    method: 'PATCH',
    path: (w) => `/api/teams/${w.teamId}/members/${w.users.viewer.id}`,
    body: () => ({ role: 'editor' }),
    expect: [401, 404, 403, 403, 204],
  },
  {
    file: 'teams/[teamId]/members/[userId]',
    method: 'DELETE',
    path: (w) => `/api/teams/${w.teamId}/members/${w.users.editor.id}`,
    expect: [401, 404, 403, 204, 204],
  },
  {
    file: 'teams/[teamId]/invitations',
    method: 'POST',
    path: (w) => `/api/teams/${w.teamId}/invitations`,
    body: () => ({ email: `new${Math.random().toString(36).slice(2)}@example.com`, role: 'viewer' }),
    expect: [401, 404, 403, 403, 201],
  },
  {
    file: 'teams/[teamId]/invitations/[invitationId]',
    method: 'DELETE',
    path: (w) => `/api/teams/${w.teamId}/invitations/${w.invitationId}`,
    expect: [401, 404, 403, 403, 204],
  },
  { file: 'invitations', method: 'GET', path: () => '/api/invitations', expect: [401, 200, 200, 200, 200] },
  {
    file: 'invitations/[invitationId]',
    method: 'DELETE',
    path: (w) => `/api/invitations/${w.myInvitationId}`,
    expect: [401, 204, 404, 404, 404],
  },
  {
    file: 'invitations/[invitationId]/accept',
    method: 'POST',
    path: (w) => `/api/invitations/${w.myInvitationId}/accept`,
    expect: [401, 200, 404, 404, 404],
  },
  { file: 'projects/[projectId]', method: 'GET', path: (w) => `/api/projects/${w.projectId}`, expect: [401, 404, 200, 200, 200] },
  {
    file: 'projects/[projectId]',
    method: 'PATCH',
    path: (w) => `/api/projects/${w.projectId}`,
    body: () => ({ name: 'Renamed project' }),
    expect: [401, 404, 403, 200, 200],
  },
  { file: 'projects/[projectId]', method: 'DELETE', path: (w) => `/api/projects/${w.projectId}`, expect: [401, 404, 403, 403, 204] },
  {
    file: 'projects/[projectId]/duplicate',
    method: 'POST',
    path: (w) => `/api/projects/${w.projectId}/duplicate`,
    body: () => ({}),
    expect: [401, 404, 403, 201, 201],
  },
  {
    file: 'projects/[projectId]/versions',
    method: 'GET',
    path: (w) => `/api/projects/${w.projectId}/versions`,
    expect: [401, 404, 200, 200, 200],
  },
  {
    file: 'projects/[projectId]/versions',
    method: 'POST',
    path: (w) => `/api/projects/${w.projectId}/versions`,
    body: () => ({ parent: 2, message: 'next', graph: graphFixture(33) }),
    expect: [401, 404, 403, 201, 201],
  },
  {
    file: 'projects/[projectId]/versions/[number]',
    method: 'GET',
    path: (w) => `/api/projects/${w.projectId}/versions/1`,
    expect: [401, 404, 200, 200, 200],
  },
  {
    file: 'projects/[projectId]/versions/[number]/restore',
    method: 'POST',
    path: (w) => `/api/projects/${w.projectId}/versions/1/restore`,
    body: () => ({}),
    expect: [401, 404, 403, 201, 201],
  },
  {
    file: 'projects/[projectId]/diff',
    method: 'GET',
    path: (w) => `/api/projects/${w.projectId}/diff?from=1&to=2`,
    expect: [401, 404, 200, 200, 200],
  },
  { file: 'tokens', method: 'GET', path: () => '/api/tokens', expect: [401, 200, 200, 200, 200] },
  { file: 'tokens', method: 'POST', path: () => '/api/tokens', body: () => ({ name: 'ci' }), expect: [401, 201, 201, 201, 201] },
  { file: 'tokens/[tokenId]', method: 'DELETE', path: (w) => `/api/tokens/${w.ownerTokenId}`, expect: [401, 404, 404, 404, 204] },
];

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

  it('has no rows for routes that do not exist', async () => {
    const files = new Set(routeFiles().map((r) => r.file));
    for (const row of ROWS) {
      expect(files.has(row.file), row.file).toBe(true);
      expect(typeof (await routeModule(row.file))[row.method], `${row.method} ${row.file}`).toBe('function');
    }
  });
});

describeEachDatabase('authorization matrix', () => {
  const users = {} as World['users'];
  const tokens = {} as Record<Exclude<Who, 'anonymous'>, string>;

  beforeAll(async () => {
    for (const who of ['nonMember', 'viewer', 'editor', 'owner'] as const) {
      users[who] = await signUp(`${who} person`);
      const made = await call('POST', '/api/tokens', { as: users[who], body: { name: 'matrix' } });
      tokens[who] = made.body.token;
    }
  });

  /** A fresh shared team with one member of each role, a project with two versions, invitations and a token. */
  async function world(): Promise<World> {
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
    const project = await call('POST', `/api/teams/${team.id}/projects`, { as: users.owner, body: { name: 'Matrix project' } });
    await call('POST', `/api/projects/${project.body.id}/versions`, { as: users.owner, body: { parent: null, graph: graphFixture(5) } });
    await call('POST', `/api/projects/${project.body.id}/versions`, { as: users.owner, body: { parent: 1, graph: graphFixture(6) } });
    const invitation = await db().invitation.create({
      data: { teamId: team.id, email: `someone${Math.random().toString(36).slice(2)}@example.com`, role: 'viewer' },
    });
    const mine = await db().invitation.create({ data: { teamId: team.id, email: users.nonMember.email, role: 'editor' } });
    const token = await db().apiToken.create({
      data: { userId: users.owner.id, name: 'row', tokenHash: hashToken(`nc_row_${Math.random()}`), prefix: 'nc_row' },
    });
    return {
      teamId: team.id,
      projectId: project.body.id,
      invitationId: invitation.id,
      myInvitationId: mine.id,
      ownerTokenId: token.id,
      users,
    };
  }

  for (const via of ['session', 'token'] as const) {
    for (const row of ROWS) {
      it(`${row.method} /api/${row.file} via ${via}`, async () => {
        const got: number[] = [];
        for (const who of WHO) {
          const w = await world();
          const as: Credentials | null =
            who === 'anonymous' ? null : via === 'session' ? { cookie: users[who].cookie } : { token: tokens[who] };
          const response = await call(row.method, row.path(w), { as, body: row.body?.(w) });
          got.push(response.status);
          if (response.status >= 400 && !row.file.startsWith('auth/')) {
            // Every refusal follows the error contract and leaks no stack trace.
            expect(ErrorBodySchema.safeParse(response.body).success, JSON.stringify(response.body)).toBe(true);
            expect(JSON.stringify(response.body)).not.toMatch(/\bat .+:\d+:\d+/);
          }
        }
        expect(Object.fromEntries(WHO.map((w, i) => [w, got[i]]))).toEqual(Object.fromEntries(WHO.map((w, i) => [w, row.expect[i]])));
      });
    }
  }
});
