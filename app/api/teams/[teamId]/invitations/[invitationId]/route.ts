import { route } from '@/server/http/route';
import { teamAccess } from '@/server/permissions';
import { revokeInvitation } from '@/server/teams/revoke-invitation';
import { Empty, InvitationParams } from '@/server/teams/schemas';

// DELETE /api/teams/:teamId/invitations/:invitationId – withdraw an invitation (owners)
export const DELETE = route({ params: InvitationParams, output: Empty, status: 204 }, async ({ caller, params }) => {
  await teamAccess(caller.userId, params.teamId, 'owner');
  await revokeInvitation(params.teamId, params.invitationId);
});
