import { handle } from '@/server/http/handle';
import { deleteTeam } from '@/server/teams/delete-team';
import { getTeam } from '@/server/teams/get-team';
import { renameTeam } from '@/server/teams/rename-team';
import * as routes from '@/server/teams/routes';

export const GET = handle(routes.getTeam, ({ caller, params }) => getTeam(caller.userId, params.teamId));

export const PATCH = handle(routes.renameTeam, ({ caller, params, body }) => renameTeam(caller.userId, params.teamId, body.name));

export const DELETE = handle(routes.deleteTeam, ({ params }) => deleteTeam(params.teamId));
