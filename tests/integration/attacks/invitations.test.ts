import { beforeAll, expect, it } from 'vitest';
import { call, cookiesFrom, signUp, type TestUser } from '../helpers/api';
import { describeEachDatabase } from '../helpers/databases';
import { useMailbox } from '../helpers/mailbox';

describeEachDatabase('attacks: invitation hijack', () => {
  const mailbox = useMailbox();
  let owner: TestUser;

  beforeAll(async () => {
    owner = await signUp('Olga Owner');
  });

  it('signing up with an invited address (any letter case) gives nothing until a mailed link proves it', async () => {
    const teamId = (await call('POST', '/api/teams', { as: owner, body: { name: 'Secret lab' } })).body.id;
    const address = `invitee.${Date.now()}@example.com`;
    await call('POST', `/api/teams/${teamId}/invitations`, { as: owner, body: { email: address, role: 'editor' } });

    // Whoever signs up first with that address — here in other letters — is not a member…
    const signedUp = await call('POST', '/api/auth/sign-up/email', {
      body: { name: 'Mallory', email: address.toUpperCase(), password: 'a long password 1' },
    });
    expect(signedUp.status).toBe(200);
    const cookie = cookiesFrom(signedUp.headers);
    expect((await call('GET', `/api/teams/${teamId}`, { as: { cookie } })).status).toBe(404);
    // …sees the invitation, and cannot accept it.
    const [invitation] = (await call('GET', '/api/invitations', { as: { cookie } })).body.invitations;
    expect(invitation.team.name).toBe('Secret lab');
    const refused = await call('POST', `/api/invitations/${invitation.id}/accept`, { as: { cookie } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Confirm your email address/);

    // The link goes to the address; only whoever reads that mailbox can open it.
    const asked = await call('POST', '/api/auth/send-verification-email', {
      as: { cookie },
      body: { email: address, callbackURL: '/projects' },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const link = await mailbox().linkTo(address, '/api/auth/verify-email');
    const opened = await call('GET', link);
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe('/projects');
    const accepted = await call('POST', `/api/invitations/${invitation.id}/accept`, {
      as: { cookie: cookiesFrom(opened.headers) || cookie },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect((await call('GET', `/api/teams/${teamId}`, { as: { cookie } })).status).toBe(200);
  });
});
