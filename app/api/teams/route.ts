import { route } from '@/server/http/route';
import { createTeam } from '@/server/teams/create-team';
import { listTeams } from '@/server/teams/list-teams';
import { TeamListSchema, TeamNameInput, TeamSummarySchema } from '@/server/teams/schemas';

// GET /api/teams – the caller's teams with their role in each
export const GET = route({ output: TeamListSchema }, async ({ caller }) => ({ teams: await listTeams(caller.userId) }));

// POST /api/teams – create a shared team; the caller becomes its owner
export const POST = route({ body: TeamNameInput, output: TeamSummarySchema, status: 201 }, ({ caller, body }) =>
  createTeam(caller.userId, body.name),
);
