import { route } from '@/server/http/route';
import { declineInvitation } from '@/server/teams/my-invitations';
import { Empty, MyInvitationParams } from '@/server/teams/schemas';

// DELETE /api/invitations/:invitationId – decline an invitation addressed to the caller
export const DELETE = route({ params: MyInvitationParams, output: Empty, status: 204 }, async ({ caller, params }) => {
  await declineInvitation(caller.email, params.invitationId);
});
