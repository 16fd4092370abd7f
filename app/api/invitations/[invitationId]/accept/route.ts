import { z } from 'zod';
import { route } from '@/server/http/route';
import { acceptInvitation } from '@/server/teams/my-invitations';
import { MyInvitationParams } from '@/server/teams/schemas';

// POST /api/invitations/:invitationId/accept – join the team the invitation is for
export const POST = route({ params: MyInvitationParams, output: z.object({ teamId: z.string() }) }, ({ caller, params }) =>
  acceptInvitation(caller, params.invitationId),
);
