import { handle } from '@/server/http/handle';
import { createTeam } from '@/server/teams/create-team';
import { listTeams } from '@/server/teams/list-teams';
import * as routes from '@/server/teams/routes';

export const GET = handle(routes.listTeams, async ({ caller }) => ({ teams: await listTeams(caller.userId) }));

export const POST = handle(routes.createTeam, ({ caller, body }) => createTeam(caller.userId, body.name));
