import { route } from '@/server/http/route';
import { teamAccess } from '@/server/permissions';
import { deleteTeam } from '@/server/teams/delete-team';
import { getTeam } from '@/server/teams/get-team';
import { renameTeam } from '@/server/teams/rename-team';
import { Empty, TeamDetailSchema, TeamNameInput, TeamParams, TeamSummarySchema } from '@/server/teams/schemas';

// GET /api/teams/:teamId – a team with its members and open invitations (members)
export const GET = route({ params: TeamParams, output: TeamDetailSchema }, async ({ caller, params }) => {
  await teamAccess(caller.userId, params.teamId, 'viewer');
  return getTeam(caller.userId, params.teamId);
});

// PATCH /api/teams/:teamId – rename (owners)
export const PATCH = route({ params: TeamParams, body: TeamNameInput, output: TeamSummarySchema }, async ({ caller, params, body }) => {
  await teamAccess(caller.userId, params.teamId, 'owner');
  return renameTeam(caller.userId, params.teamId, body.name);
});

// DELETE /api/teams/:teamId – delete a shared team and everything in it (owners)
export const DELETE = route({ params: TeamParams, output: Empty, status: 204 }, async ({ caller, params }) => {
  await teamAccess(caller.userId, params.teamId, 'owner');
  await deleteTeam(params.teamId);
});
