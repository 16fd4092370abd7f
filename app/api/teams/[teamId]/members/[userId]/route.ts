import { route } from '@/server/http/route';
import { teamAccess } from '@/server/permissions';
import { changeMemberRole, removeMember } from '@/server/teams/change-member';
import { Empty, MemberParams, RoleInput } from '@/server/teams/schemas';

// PATCH /api/teams/:teamId/members/:userId – change a member's role (owners; the last owner stays)
export const PATCH = route({ params: MemberParams, body: RoleInput, output: Empty, status: 204 }, async ({ caller, params, body }) => {
  await teamAccess(caller.userId, params.teamId, 'owner');
  await changeMemberRole(params.teamId, params.userId, body.role);
});

// DELETE /api/teams/:teamId/members/:userId – remove a member (owners), or leave (yourself)
export const DELETE = route({ params: MemberParams, output: Empty, status: 204 }, async ({ caller, params }) => {
  await removeMember(caller.userId, params.teamId, params.userId);
});
