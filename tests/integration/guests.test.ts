import { expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { GUEST_LIFETIME_MS, sweepGuests } from '@/server/onboarding/sweep-guests';
import { call, cookiesFrom, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

interface Guest extends TestUser {
  projectId: string;
}

async function tryItNow(): Promise<Guest> {
  const made = await call('POST', '/api/guest');
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const cookie = cookiesFrom(made.headers);
  const me = await call('GET', '/api/me', { as: { cookie } });
  expect(me.status).toBe(200);
  return { id: me.body.id, email: me.body.email, name: me.body.name, password: '', cookie, projectId: made.body.projectId };
}

describeEachDatabase('guests ("Try it now") and the guided tour', () => {
  it('makes a signed-in guest with a demo project: LeNet-5 as version 1, ready for the digits', async () => {
    const guest = await tryItNow();
    expect(guest.email).toMatch(/@guest\.netcanvas\.invalid$/);
    const project = await call('GET', `/api/projects/${guest.projectId}`, { as: guest });
    expect(project.status).toBe(200);
    expect(project.body).toMatchObject({ name: 'My first model', role: 'owner', headNumber: 1 });
    const version = await call('GET', `/api/projects/${guest.projectId}/versions/1`, { as: guest });
    const input = version.body.graph.nodes.find((n: { type: string }) => n.type === 'input');
    expect(input.params.shape).toEqual([28, 28, 1]);
    expect((await db().user.findUniqueOrThrow({ where: { id: guest.id } })).guest).toBe(true);
  });

  it('refuses a guest made from another site', async () => {
    const foreign = await call('POST', '/api/guest', { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.getSetCookie()).toEqual([]);
  });

  it('keeps a guest’s work by signing up: same projects, a real account that signs in, no longer swept', async () => {
    const guest = await tryItNow();
    const taken = await signUp('Already here');
    const clash = await call('POST', '/api/guest/keep', {
      as: guest,
      body: { name: 'Gita Guest', email: taken.email, password: 'a good long password' },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toContain('already an account');
    const short = await call('POST', '/api/guest/keep', {
      as: guest,
      body: { name: 'Gita', email: 'gita@example.com', password: 'short' },
    });
    expect(short.status).toBe(400);

    const email = `gita${Date.now()}@example.com`;
    const kept = await call('POST', '/api/guest/keep', {
      as: guest,
      body: { name: 'Gita Guest', email, password: 'a good long password' },
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(204);
    const again = await call('POST', '/api/guest/keep', { as: guest, body: { name: 'Gita', email, password: 'a good long password' } });
    expect(again.status).toBe(403);

    const signedIn = await call('POST', '/api/auth/sign-in/email', { body: { email, password: 'a good long password' } });
    expect(signedIn.status).toBe(200);
    const cookie = cookiesFrom(signedIn.headers);
    const project = await call('GET', `/api/projects/${guest.projectId}`, { as: { cookie } });
    expect(project.status).toBe(200);
    expect(project.body.teamName).toBe("Gita's team");
    const user = await db().user.findUniqueOrThrow({ where: { id: guest.id } });
    expect(user).toMatchObject({ guest: false, email, name: 'Gita Guest' });
    // A kept account is never swept, even once it is old.
    expect(await sweepGuests(new Date(Date.now() + 2 * GUEST_LIFETIME_MS))).toBeGreaterThanOrEqual(0);
    expect(await db().user.findUnique({ where: { id: guest.id } })).not.toBeNull();
    expect((await call('GET', `/api/projects/${guest.projectId}`, { as: { cookie } })).status).toBe(200);
  });

  it('removes guests older than a day with their work, and leaves younger guests and real accounts alone', async () => {
    const old = await tryItNow();
    const young = await tryItNow();
    const member = await signUp('Real person');
    await db().user.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - GUEST_LIFETIME_MS - 60_000) } });
    await db().user.update({ where: { id: member.id }, data: { createdAt: new Date(Date.now() - 3 * GUEST_LIFETIME_MS) } });
    expect(await sweepGuests()).toBeGreaterThanOrEqual(1);
    expect(await db().user.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db().project.findUnique({ where: { id: old.projectId } })).toBeNull();
    expect(await db().membership.count({ where: { userId: old.id } })).toBe(0);
    // Its session went with it (past the minute Better Auth trusts its signed session cookie).
    const session = old.cookie.replace(/better-auth\.session_data=[^;]*;?\s*/, '');
    expect((await call('GET', '/api/me', { as: { cookie: session } })).status).toBe(401);
    expect(await db().user.findUnique({ where: { id: young.id } })).not.toBeNull();
    expect(await db().project.findUnique({ where: { id: young.projectId } })).not.toBeNull();
    expect(await db().user.findUnique({ where: { id: member.id } })).not.toBeNull();
  });

  it('keeps the guided tour’s end on the account: new until finished or closed, then never again', async () => {
    const user = await signUp('Tour taker');
    expect((await call('GET', '/api/me/tour', { as: user })).body).toEqual({ state: 'new' });
    expect((await call('PUT', '/api/me/tour', { as: user, body: { state: 'dismissed' } })).status).toBe(204);
    expect((await call('GET', '/api/me/tour', { as: user })).body).toEqual({ state: 'dismissed' });
    // Neither finishing later nor "new" brings it back or changes how it ended.
    await call('PUT', '/api/me/tour', { as: user, body: { state: 'new' } });
    await call('PUT', '/api/me/tour', { as: user, body: { state: 'done' } });
    expect((await call('GET', '/api/me/tour', { as: user })).body).toEqual({ state: 'dismissed' });
    const bad = await call('PUT', '/api/me/tour', { as: user, body: { state: 'later' } });
    expect(bad.status).toBe(400);
    expect((await call('GET', '/api/me/tour')).status).toBe(401);
  });
});
