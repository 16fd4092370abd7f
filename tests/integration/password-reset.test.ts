import { expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';
import { useMailbox } from './helpers/mailbox';

describeEachDatabase('password reset', () => {
  const mailbox = useMailbox();
  let user: TestUser;

  it('mails a link that leads to the reset page with a token; the new password works, the old one and the link no longer do', async () => {
    user = await signUp('Forgetful Fiona');
    const asked = await call('POST', '/api/auth/request-password-reset', { body: { email: user.email, redirectTo: '/reset-password' } });
    expect(asked.status).toBe(200);
    const link = await mailbox().linkTo(user.email, '/api/auth/reset-password/');
    const mail = mailbox().received.find((m) => m.to.includes(user.email));
    expect(mail?.raw).toContain('Subject: Reset your NetCanvas password');
    expect(mail?.raw).toContain('Hello Forgetful Fiona');

    // The link checks the token and sends the browser on to our page with it.
    const opened = await call('GET', link);
    expect(opened.status).toBe(302);
    const page = new URL(opened.headers.get('location') ?? '', 'http://localhost:3000');
    expect(page.pathname).toBe('/reset-password');
    const token = page.searchParams.get('token');
    expect(token).toBeTruthy();

    const reset = await call('POST', '/api/auth/reset-password', { body: { newPassword: 'a brand new password', token } });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect((await call('POST', '/api/auth/sign-in/email', { body: { email: user.email, password: 'a brand new password' } })).status).toBe(
      200,
    );
    expect((await call('POST', '/api/auth/sign-in/email', { body: { email: user.email, password: user.password } })).status).toBe(401);
    // Once used, the token is gone.
    const again = await call('POST', '/api/auth/reset-password', { body: { newPassword: 'yet another password', token } });
    expect(again.status).toBe(400);
    // Sessions signed in with the old password are revoked (tests/integration/attacks/revoked-sessions
    // checks how soon). The one sign-in above is the only session left.
    const sessions = await db().session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
  });

  it('answers the same for an email without an account, and sends nothing', async () => {
    const count = mailbox().received.length;
    const asked = await call('POST', '/api/auth/request-password-reset', {
      body: { email: `nobody.${Date.now()}@example.com`, redirectTo: '/reset-password' },
    });
    expect(asked.status).toBe(200);
    expect(asked.body.status).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailbox().received.length).toBe(count);
  });

  it('refuses a made-up token', async () => {
    const reset = await call('POST', '/api/auth/reset-password', { body: { newPassword: 'a brand new password', token: 'made-up-token' } });
    expect(reset.status).toBe(400);
  });

  it('changes the password of a signed-in account when the current one is given, signing out its other sessions', async () => {
    const owner = await signUp('Changing Chidi');
    const elsewhere = await call('POST', '/api/auth/sign-in/email', { body: { email: owner.email, password: owner.password } });
    expect(elsewhere.status).toBe(200);
    expect(await db().session.count({ where: { userId: owner.id } })).toBe(2);
    const wrong = await call('POST', '/api/auth/change-password', {
      as: owner,
      body: { currentPassword: 'not the password', newPassword: 'a changed password', revokeOtherSessions: true },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(/invalid password/i);
    const changed = await call('POST', '/api/auth/change-password', {
      as: owner,
      body: { currentPassword: owner.password, newPassword: 'a changed password', revokeOtherSessions: true },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(await db().session.count({ where: { userId: owner.id } })).toBe(1);
    expect((await call('POST', '/api/auth/sign-in/email', { body: { email: owner.email, password: 'a changed password' } })).status).toBe(
      200,
    );
    expect((await call('POST', '/api/auth/sign-in/email', { body: { email: owner.email, password: owner.password } })).status).toBe(401);
    // Without a session there is nothing to change.
    const anonymous = await call('POST', '/api/auth/change-password', {
      body: { currentPassword: 'a changed password', newPassword: 'yet another password' },
    });
    expect(anonymous.status).toBe(401);
  });
});
