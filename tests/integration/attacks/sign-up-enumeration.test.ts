import { expect, it } from 'vitest';
import { resetAuth } from '@/server/auth/auth';
import { call, cookiesFrom, signUp } from '../helpers/api';
import { describeEachDatabase } from '../helpers/databases';
import { useMailbox } from '../helpers/mailbox';

/** Sign-up with NETCANVAS_CONFIRM_SIGN_UP=1: a taken address answers as a new one, and a new account waits for its link. */
describeEachDatabase('sign-up confirmed by mail', () => {
  const mailbox = useMailbox();

  const withConfirmation = async (work: () => Promise<void>) => {
    process.env.NETCANVAS_CONFIRM_SIGN_UP = '1';
    resetAuth();
    try {
      await work();
    } finally {
      delete process.env.NETCANVAS_CONFIRM_SIGN_UP;
      resetAuth();
    }
  };

  it('without the setting, a taken address is named (the default: a first visit signs in at once)', async () => {
    const owner = await signUp('Owner Otto');
    const again = await call('POST', '/api/auth/sign-up/email', {
      body: { name: 'X', email: owner.email, password: 'another password 1' },
    });
    expect(again.status).toBe(422);
  });

  it('makes no guests, and keeps none, where sign-up is confirmed (a kept guest would name taken addresses)', async () => {
    const made = await call('POST', '/api/guest');
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const guest = { cookie: cookiesFrom(made.headers) };
    const owner = await signUp('Owner Oona');
    await withConfirmation(async () => {
      const refused = await call('POST', '/api/guest');
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('Guest demos are off on this server');
      expect(refused.headers.getSetCookie()).toEqual([]);
      const keep = await call('POST', '/api/guest/keep', {
        as: guest,
        body: { name: 'Gita', email: owner.email, password: 'a good long password' },
      });
      expect(keep.status).toBe(403);
      expect(JSON.stringify(keep.body)).not.toContain('already an account');
    });
  });

  it('answers a sign-up with a taken address exactly as one with a new address, mails the owner, and signs in only through the link', async () => {
    const owner = await signUp('Owner Olga'); // made before the setting, address never confirmed
    await withConfirmation(async () => {
      const newEmail = `new${Date.now().toString(36)}@example.com`;
      const fresh = await call('POST', '/api/auth/sign-up/email', {
        body: { name: 'New Nina', email: newEmail, password: 'a new password 1', callbackURL: '/projects' },
      });
      const taken = await call('POST', '/api/auth/sign-up/email', {
        body: { name: 'Someone', email: owner.email, password: 'an attacker password' },
      });
      // Same status, same shape, no session for either.
      expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
      expect(taken.status, JSON.stringify(taken.body)).toBe(200);
      expect(fresh.body.token).toBeNull();
      expect(taken.body.token).toBeNull();
      expect(Object.keys(taken.body.user).sort()).toEqual(Object.keys(fresh.body.user).sort());
      expect(taken.body.user.emailVerified).toBe(fresh.body.user.emailVerified);
      expect(cookiesFrom(fresh.headers)).not.toContain('session_token');
      expect(cookiesFrom(taken.headers)).not.toContain('session_token');

      // The owner is told by mail; the attempt changed nothing of theirs.
      const deadline = Date.now() + 10_000;
      while (!mailbox().received.some((m) => m.to.includes(owner.email)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const told = mailbox().received.find((m) => m.to.includes(owner.email));
      expect(told?.raw).toContain('You already have a NetCanvas account');
      expect(
        (await call('POST', '/api/auth/sign-in/email', { body: { email: owner.email, password: 'an attacker password' } })).status,
      ).toBe(401);

      // The new account cannot sign in before it opens its link; the link signs it in.
      const early = await call('POST', '/api/auth/sign-in/email', { body: { email: newEmail, password: 'a new password 1' } });
      expect(early.status).toBe(403);
      const link = await mailbox().linkTo(newEmail, '/api/auth/verify-email');
      expect(new URL(link).searchParams.get('callbackURL')).toBe('/projects');
      const opened = await call('GET', link);
      expect(opened.status).toBe(302);
      const cookie = cookiesFrom(opened.headers);
      const me = await call('GET', '/api/me', { as: { cookie } });
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(newEmail);

      // An account from before the setting is sent a link when it signs in with its own password.
      const before = mailbox().received.filter((m) => m.to.includes(owner.email)).length;
      const old = await call('POST', '/api/auth/sign-in/email', { body: { email: owner.email, password: owner.password } });
      expect(old.status).toBe(403);
      const mailsTo = () => mailbox().received.filter((m) => m.to.includes(owner.email));
      const until = Date.now() + 10_000;
      while (mailsTo().length === before && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(
        mailsTo()
          .at(-1)
          ?.raw.replace(/=\r?\n/g, ''),
      ).toContain('/api/auth/verify-email');
    });
  });
});
