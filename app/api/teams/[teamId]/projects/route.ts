import { route } from '@/server/http/route';
import { teamAccess } from '@/server/permissions';
import { createProject } from '@/server/projects/create-project';
import { listProjects } from '@/server/projects/list-projects';
import { CreateProjectInput, ProjectListSchema, ProjectSummarySchema, TeamProjectsParams } from '@/server/projects/schemas';

// GET /api/teams/:teamId/projects – the team's projects (members)
export const GET = route({ params: TeamProjectsParams, output: ProjectListSchema }, async ({ caller, params }) => {
  const { role } = await teamAccess(caller.userId, params.teamId, 'viewer');
  return { projects: await listProjects(params.teamId, role) };
});

// POST /api/teams/:teamId/projects – create an empty project (editors)
export const POST = route(
  { params: TeamProjectsParams, body: CreateProjectInput, output: ProjectSummarySchema, status: 201 },
  async ({ caller, params, body }) => {
    await teamAccess(caller.userId, params.teamId, 'editor');
    return createProject(caller.userId, params.teamId, body);
  },
);
