import { handle } from '@/server/http/handle';
import { forkAccess } from '@/server/permissions';
import { duplicateProject } from '@/server/projects/duplicate-project';
import * as routes from '@/server/projects/routes';

export const POST = handle(
  routes.duplicateProject,
  ({ caller, params, body }) => duplicateProject(caller.userId, params.projectId, body),
  ({ caller, params, body }) => forkAccess(caller.userId, params.projectId, body.teamId),
);
