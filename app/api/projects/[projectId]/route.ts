import { handle } from '@/server/http/handle';
import { projectChangeAccess } from '@/server/permissions';
import { deleteProject } from '@/server/projects/delete-project';
import { projectSummary } from '@/server/projects/project-summary';
import * as routes from '@/server/projects/routes';
import { updateProject } from '@/server/projects/update-project';

export const GET = handle(routes.getProject, ({ caller, params }) => projectSummary(caller.userId, params.projectId));

export const PATCH = handle(
  routes.updateProject,
  ({ caller, params, body }) => updateProject(caller.userId, params.projectId, body),
  ({ caller, params, body }) => projectChangeAccess(caller.userId, params.projectId, body.teamId),
);

export const DELETE = handle(routes.deleteProject, ({ params }) => deleteProject(params.projectId));
