import { handle } from '@/server/http/handle';
import { createProject } from '@/server/projects/create-project';
import { listProjects } from '@/server/projects/list-projects';
import * as routes from '@/server/projects/routes';

export const GET = handle(routes.listProjects, async ({ params, access }) => ({
  projects: await listProjects(params.teamId, access.role),
}));

export const POST = handle(routes.createProject, ({ caller, params, body }) => createProject(caller.userId, params.teamId, body));
