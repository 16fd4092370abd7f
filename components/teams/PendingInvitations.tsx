'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { type ApiResult, call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as teamRoutes from '@/server/teams/routes';

interface Invitation {
  id: string;
  team: { id: string; name: string };
  role: string;
  invitedBy: string | null;
}

/** Invitations waiting for the signed-in user, with accept and decline. */
export function PendingInvitations({ invitations }: { invitations: Invitation[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  if (invitations.length === 0) return null;
  const act = async (request: Promise<ApiResult<unknown>>) => {
    const result = await request;
    setError(result.ok ? null : result.message);
    router.refresh();
  };
  return (
    <section className="panel" aria-label="Invitations">
      <h2>Invitations</h2>
      <ErrorNote message={error} />
      {invitations.map((i) => (
        <div key={i.id} className="row">
          <span>
            <strong>{i.team.name}</strong> invites you as {i.role}
            {i.invitedBy ? ` (from ${i.invitedBy})` : ''}.
          </span>
          <button
            type="button"
            className="primary"
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
