import { route } from '@/server/http/route';
import { projectAccess } from '@/server/permissions';
import { deleteProject } from '@/server/projects/delete-project';
import { projectSummary } from '@/server/projects/project-summary';
import { ProjectParams, ProjectSummarySchema, UpdateProjectInput } from '@/server/projects/schemas';
import { updateProject } from '@/server/projects/update-project';
import { Empty } from '@/server/teams/schemas';

// GET /api/projects/:projectId – one project (members of its team)
export const GET = route({ params: ProjectParams, output: ProjectSummarySchema }, async ({ caller, params }) => {
  await projectAccess(caller.userId, params.projectId, 'viewer');
  return projectSummary(caller.userId, params.projectId);
});

// PATCH /api/projects/:projectId – rename, describe, or move to another team (editors of both)
export const PATCH = route(
  { params: ProjectParams, body: UpdateProjectInput, output: ProjectSummarySchema },
  async ({ caller, params, body }) => {
    await projectAccess(caller.userId, params.projectId, 'editor');
    return updateProject(caller.userId, params.projectId, body);
  },
);

// DELETE /api/projects/:projectId – delete with its history (owners)
export const DELETE = route({ params: ProjectParams, output: Empty, status: 204 }, async ({ caller, params }) => {
  await projectAccess(caller.userId, params.projectId, 'owner');
  await deleteProject(params.projectId);
});
