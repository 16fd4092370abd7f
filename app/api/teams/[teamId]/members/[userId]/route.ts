import { handle } from '@/server/http/handle';
import { memberRemovalAccess } from '@/server/permissions';
import { changeMemberRole, removeMember } from '@/server/teams/change-member';
import * as routes from '@/server/teams/routes';

export const PATCH = handle(routes.changeMemberRole, ({ params, body }) => changeMemberRole(params.teamId, params.userId, body.role));

export const DELETE = handle(
  routes.removeMember,
  ({ params }) => removeMember(params.teamId, params.userId),
  ({ caller, params }) => memberRemovalAccess(caller.userId, params.teamId, params.userId),
);
