'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { authClient } from '@/components/auth/auth-client';
import { type ApiResult, call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as teamRoutes from '@/server/teams/routes';

interface Invitation {
  id: string;
  team: { id: string; name: string };
  role: string;
  invitedBy: string | null;
}

/**
 * Invitations waiting for the signed-in user, with accept and decline. Accepting needs a verified
 * address: until then the panel offers to mail the link that proves it.
 */
export function PendingInvitations({
  invitations,
  email,
  emailVerified,
}: {
  invitations: Invitation[];
  email: string;
  emailVerified: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [linkSent, setLinkSent] = useState(false);
  if (invitations.length === 0) return null;
  const sendLink = async () => {
    const result = await authClient.sendVerificationEmail({ email, callbackURL: '/projects' });
    setError(result.error ? 'The link could not be sent. Try again in a minute.' : null);
    setLinkSent(!result.error);
  };
  const act = async (request: Promise<ApiResult<unknown>>) => {
    const result = await request;
    setError(result.ok ? null : result.message);
    router.refresh();
  };
  return (
    <section className="panel" aria-label="Invitations">
      <h2>Invitations</h2>
      <ErrorNote message={error} />
      {emailVerified ? null : (
        <p className="row">
          <span>To accept, first confirm that {email} is yours.</span>
          <button type="button" onClick={sendLink} disabled={linkSent}>
            {linkSent ? 'Link sent: check your mail' : 'Email me a link'}
          </button>
        </p>
      )}
      {invitations.map((i) => (
        <div key={i.id} className="row">
          <span>
            <strong>{i.team.name}</strong> invites you as {i.role}
            {i.invitedBy ? ` (from ${i.invitedBy})` : ''}.
          </span>
          <button
            type="button"
            className="primary"
            disabled={!emailVerified}
            onClick={() => act(call(teamRoutes.acceptInvitation, { params: { invitationId: i.id } }))}
          >
            Accept
          </button>
          <button type="button" onClick={() => act(call(teamRoutes.declineInvitation, { params: { invitationId: i.id } }))}>
            Decline
          </button>
        </div>
      ))}
    </section>
  );
}
