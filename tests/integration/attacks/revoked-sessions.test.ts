import { expect, it } from 'vitest';
import { SESSION_CACHE_SECONDS } from '@/server/auth/auth';
import { call, cookiesFrom, signUp, type TestUser } from '../helpers/api';
import { describeEachDatabase } from '../helpers/databases';
import { useMailbox } from '../helpers/mailbox';

const pastTheCache = () => new Promise((r) => setTimeout(r, (SESSION_CACHE_SECONDS + 1) * 1000));

/** A copied cookie pair (session token and signed cache) of a session that was then revoked. */
async function expectRevoked(copied: string): Promise<void> {
  const write = await call('POST', '/api/teams', { as: { cookie: copied }, body: { name: 'After revocation' } });
  expect(write.status).toBe(401);
  await pastTheCache();
  expect((await call('GET', '/api/me', { as: { cookie: copied } })).status).toBe(401);
  expect((await call('GET', '/api/teams', { as: { cookie: copied } })).status).toBe(401);
}

describeEachDatabase('attacks: revoked sessions', () => {
  const mailbox = useMailbox();

  it('sign-out stops writes at once and reads within seconds', async () => {
    const user = await signUp('Sally Signout');
    expect((await call('POST', '/api/auth/sign-out', { as: user, body: {} })).status).toBe(200);
    await expectRevoked(user.cookie);
  });

  it('a password change that signs out other sessions stops them likewise', async () => {
    const user = await signUp('Pat Password');
    const other = await call('POST', '/api/auth/sign-in/email', { body: { email: user.email, password: user.password } });
    const changed = await call('POST', '/api/auth/change-password', {
      as: { cookie: cookiesFrom(other.headers) },
      body: { currentPassword: user.password, newPassword: 'another long password', revokeOtherSessions: true },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await expectRevoked(user.cookie);
  });

  it('a password reset stops every session likewise', async () => {
    const user: TestUser = await signUp('Rita Reset');
    await call('POST', '/api/auth/request-password-reset', { body: { email: user.email, redirectTo: '/reset-password' } });
    const link = await mailbox().linkTo(user.email, '/api/auth/reset-password/');
    const token = new URL((await call('GET', link)).headers.get('location') ?? '', 'http://localhost:3000').searchParams.get('token');
    const reset = await call('POST', '/api/auth/reset-password', { body: { newPassword: 'a brand new password', token } });
    expect(reset.status).toBe(200);
    await expectRevoked(user.cookie);
  });
});
