import { route } from '@/server/http/route';
import { teamAccess } from '@/server/permissions';
import { inviteMember } from '@/server/teams/invite-member';
import { InvitationSchema, InviteInput, TeamParams } from '@/server/teams/schemas';

// POST /api/teams/:teamId/invitations – invite an email address with a role (owners)
export const POST = route(
  { params: TeamParams, body: InviteInput, output: InvitationSchema, status: 201 },
  async ({ caller, params, body }) => {
    await teamAccess(caller.userId, params.teamId, 'owner');
    return inviteMember(caller.userId, params.teamId, body);
  },
);
