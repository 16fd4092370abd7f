import { expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { call, cookiesFrom, graphFixture, signUp, type TestUser, verifyEmail } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

describeEachDatabase('accounts, teams and tokens', () => {
  let owner: TestUser;
  let bob: TestUser;
  let teamId: string;

  it('sets an httpOnly, SameSite=Lax session cookie and stores only a scrypt hash of the password', async () => {
    const email = `cookie${Date.now()}@example.com`;
    const response = await call('POST', '/api/auth/sign-up/email', { body: { name: 'Cookie', email, password: 'a long password 1' } });
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((c) => c.startsWith('better-auth.session_token='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const account = await db().account.findFirstOrThrow({ where: { user: { email } } });
    expect(account.password).not.toContain('a long password 1');
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
  });

  it('signs in and out with email and password', async () => {
    owner = await signUp('Olivia Owner');
    const wrong = await call('POST', '/api/auth/sign-in/email', { body: { email: owner.email, password: 'wrong password!' } });
    expect(wrong.status).toBe(401);
    const signedIn = await call('POST', '/api/auth/sign-in/email', { body: { email: owner.email, password: owner.password } });
    expect(signedIn.status).toBe(200);
    const cookie = cookiesFrom(signedIn.headers);
    expect((await call('GET', '/api/me', { as: { cookie } })).status).toBe(200);
    const out = await call('POST', '/api/auth/sign-out', { as: { cookie }, body: {} });
    expect(out.status).toBe(200);
    const session = await call('GET', '/api/auth/get-session', {
      as: { cookie: cookie.replace(/better-auth\.session_data=[^;]*;?\s*/, '') },
    });
    expect(session.body).toBeNull();
  });

  it('refuses cookie-authenticated writes from other sites (CSRF), but not API tokens', async () => {
    const foreign = await call('POST', '/api/teams', { as: owner, body: { name: 'x' }, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden');
    const none = await call('POST', '/api/teams', { as: owner, body: { name: 'x' }, origin: null });
    expect(none.status).toBe(403);
    const viaIp = await call('POST', '/api/teams', { as: owner, body: { name: 'Team via 127' }, origin: 'http://127.0.0.1:3000' });
    expect(viaIp.status).toBe(201);
    const token = (await call('POST', '/api/tokens', { as: owner, body: { name: 'script' } })).body.token as string;
    const scripted = await call('POST', '/api/teams', { as: { token }, body: { name: 'From a script' }, origin: null });
    expect(scripted.status).toBe(201);
  });

  it('invites by email: a new user joins with the invited role once their address is verified', async () => {
    const team = await call('POST', '/api/teams', { as: owner, body: { name: 'Research' } });
    teamId = team.body.id;
    const email = `bob${Date.now()}@example.com`;
    const invited = await call('POST', `/api/teams/${teamId}/invitations`, {
      as: owner,
      body: { email: email.toUpperCase(), role: 'viewer' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email, role: 'viewer', invitedBy: 'Olivia Owner' });
    const signedUp = await call('POST', '/api/auth/sign-up/email', { body: { name: 'Bob', email, password: 'bobs password 1' } });
    bob = { id: signedUp.body.user.id, email, name: 'Bob', password: 'bobs password 1', cookie: cookiesFrom(signedUp.headers) };
    expect((await call('GET', '/api/teams', { as: bob })).body.teams).toHaveLength(1);
    await verifyEmail(bob);
    const invitation = (await call('GET', '/api/invitations', { as: bob })).body.invitations[0];
    expect((await call('POST', `/api/invitations/${invitation.id}/accept`, { as: bob })).status).toBe(200);
    const teams = await call('GET', '/api/teams', { as: bob });
    expect(teams.body.teams.map((t: { name: string; role: string }) => [t.name, t.role])).toEqual([
      ["Bob's team", 'owner'],
      ['Research', 'viewer'],
    ]);
  });

  it('an existing user accepts an invitation from the app', async () => {
    const carol = await signUp('Carol');
    await verifyEmail(carol);
    const other = await call('POST', '/api/teams', { as: owner, body: { name: 'Design' } });
    await call('POST', `/api/teams/${other.body.id}/invitations`, { as: owner, body: { email: carol.email, role: 'editor' } });
    const mine = await call('GET', '/api/invitations', { as: carol });
    expect(mine.body.invitations).toHaveLength(1);
    expect(mine.body.invitations[0]).toMatchObject({ team: { name: 'Design' }, role: 'editor' });
    const accepted = await call('POST', `/api/invitations/${mine.body.invitations[0].id}/accept`, { as: carol });
    expect(accepted.body).toEqual({ teamId: other.body.id });
    const detail = await call('GET', `/api/teams/${other.body.id}`, { as: carol });
    expect(detail.body.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Olivia Owner', 'owner'],
      ['Carol', 'editor'],
    ]);
    const again = await call('POST', `/api/teams/${other.body.id}/invitations`, {
      as: owner,
      body: { email: carol.email, role: 'viewer' },
    });
    expect(again.status).toBe(409);
  });

  it('owners change roles; the last owner can neither step down nor leave; nobody leaves a personal team', async () => {
    const promote = await call('PATCH', `/api/teams/${teamId}/members/${bob.id}`, { as: owner, body: { role: 'editor' } });
    expect(promote.status).toBe(204);
    const demoteSelf = await call('PATCH', `/api/teams/${teamId}/members/${owner.id}`, { as: owner, body: { role: 'viewer' } });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.error.message).toMatch(/at least one owner/);
    const leave = await call('DELETE', `/api/teams/${teamId}/members/${owner.id}`, { as: owner });
    expect(leave.status).toBe(409);
    const bobLeaves = await call('DELETE', `/api/teams/${teamId}/members/${bob.id}`, { as: bob });
    expect(bobLeaves.status).toBe(204);
    const personal = (await call('GET', '/api/teams', { as: owner })).body.teams.find((t: { personal: boolean }) => t.personal);
    const leavePersonal = await call('DELETE', `/api/teams/${personal.id}/members/${owner.id}`, { as: owner });
    expect(leavePersonal.status).toBe(403);
    const deletePersonal = await call('DELETE', `/api/teams/${personal.id}`, { as: owner });
    expect(deletePersonal.status).toBe(403);
  });

  it('two owners stepping down at the same moment: one succeeds, the team keeps an owner', async () => {
    const second = await signUp('Second Owner');
    await verifyEmail(second);
    const team = await call('POST', '/api/teams', { as: owner, body: { name: 'Two owners' } });
    await call('POST', `/api/teams/${team.body.id}/invitations`, { as: owner, body: { email: second.email, role: 'owner' } });
    const invitation = (await call('GET', '/api/invitations', { as: second })).body.invitations[0];
    await call('POST', `/api/invitations/${invitation.id}/accept`, { as: second });
    const results = await Promise.all([
      call('PATCH', `/api/teams/${team.body.id}/members/${owner.id}`, { as: owner, body: { role: 'editor' } }),
      call('PATCH', `/api/teams/${team.body.id}/members/${second.id}`, { as: second, body: { role: 'editor' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
    const members = (await call('GET', `/api/teams/${team.body.id}`, { as: second })).body.members as { role: string }[];
    expect(members.filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('moves and forks projects only into teams the caller can edit', async () => {
    const personal = (await call('GET', '/api/teams', { as: owner })).body.teams.find((t: { personal: boolean }) => t.personal);
    const project = await call('POST', `/api/teams/${personal.id}/projects`, { as: owner, body: { name: 'Mover' } });
    await call('POST', `/api/projects/${project.body.id}/versions`, { as: owner, body: { parent: null, graph: graphFixture(3) } });
    const moved = await call('PATCH', `/api/projects/${project.body.id}`, { as: owner, body: { teamId } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ teamId, teamName: 'Research' });
    const bobsTeam = (await call('GET', '/api/teams', { as: bob })).body.teams[0].id;
    const intoForeign = await call('PATCH', `/api/projects/${project.body.id}`, { as: owner, body: { teamId: bobsTeam } });
    expect(intoForeign.status).toBe(404);
    const fork = await call('POST', `/api/projects/${project.body.id}/duplicate`, {
      as: owner,
      body: { teamId: personal.id, name: 'Fork' },
    });
    expect(fork.status).toBe(201);
    expect(fork.body).toMatchObject({ name: 'Fork', headNumber: 1, forkedFrom: { id: project.body.id, number: 1 } });
    const forkHistory = await call('GET', `/api/projects/${fork.body.id}/versions`, { as: owner });
    expect(forkHistory.body.versions).toHaveLength(1);
    const renamed = await call('PATCH', `/api/projects/${fork.body.id}`, { as: owner, body: { name: '  Renamed  ' } });
    expect(renamed.body.name).toBe('Renamed');
    expect((await call('DELETE', `/api/projects/${fork.body.id}`, { as: owner })).status).toBe(204);
    expect((await call('GET', `/api/projects/${fork.body.id}`, { as: owner })).status).toBe(404);
  });

  it('API tokens: made once, listed without the secret, accepted as Bearer, dead once revoked', async () => {
    const made = await call('POST', '/api/tokens', { as: owner, body: { name: 'CLI' } });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^nc_[A-Za-z0-9_-]{43}$/);
    const me = await call('GET', '/api/me', { as: { token: made.body.token } });
    expect(me.body).toMatchObject({ id: owner.id, via: 'token' });
    const list = await call('GET', '/api/tokens', { as: owner });
    expect(JSON.stringify(list.body)).not.toContain(made.body.token);
    expect(list.body.tokens.find((t: { id: string }) => t.id === made.body.id).lastUsedAt).not.toBeNull();
    expect((await call('DELETE', `/api/tokens/${made.body.id}`, { as: owner })).status).toBe(204);
    const after = await call('GET', '/api/me', { as: { token: made.body.token } });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    const garbage = await call('GET', '/api/me', { headers: { authorization: 'Bearer nope' } });
    expect(garbage.status).toBe(401);
  });

  it('answers bad bodies with the error contract: invalid JSON 400, too large 413, unknown fields 400', async () => {
    const notJson = await call('POST', '/api/teams', { as: owner, body: '{"name": ' });
    expect(notJson.status).toBe(400);
    const extra = await call('POST', '/api/teams', { as: owner, body: { name: 'x', admin: true } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details.issues).toBeDefined();
    const huge = await call('POST', '/api/teams', { as: owner, body: JSON.stringify({ name: 'x'.repeat(9 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });
});
