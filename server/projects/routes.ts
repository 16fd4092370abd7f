import { defineRoute, NoContent } from '@/server/http/contract';
import {
  CreateProjectInput,
  DuplicateProjectInput,
  ProjectListSchema,
  ProjectParams,
  ProjectSummarySchema,
  TeamProjectsParams,
  UpdateProjectInput,
} from '@/server/projects/schemas';

/** GET /api/teams/:teamId/projects – the team's projects. */
export const listProjects = defineRoute({
  method: 'GET',
  path: '/api/teams/:teamId/projects',
  params: TeamProjectsParams,
  output: ProjectListSchema,
  access: { team: 'viewer' },
});

/** POST /api/teams/:teamId/projects – create an empty project, or one from a template. */
export const createProject = defineRoute({
  method: 'POST',
  path: '/api/teams/:teamId/projects',
  params: TeamProjectsParams,
  body: CreateProjectInput,
  output: ProjectSummarySchema,
  status: 201,
  access: { team: 'editor' },
});

/** GET /api/projects/:projectId – one project. */
export const getProject = defineRoute({
  method: 'GET',
  path: '/api/projects/:projectId',
  params: ProjectParams,
  output: ProjectSummarySchema,
  access: { project: 'viewer' },
});

/** PATCH /api/projects/:projectId – rename, describe, or move to another team. */
export const updateProject = defineRoute({
  method: 'PATCH',
  path: '/api/projects/:projectId',
  params: ProjectParams,
  body: UpdateProjectInput,
  output: ProjectSummarySchema,
  access: { custom: 'an editor of the project, and of the team it moves to' },
});

/** DELETE /api/projects/:projectId – delete with its history. */
export const deleteProject = defineRoute({
  method: 'DELETE',
  path: '/api/projects/:projectId',
  params: ProjectParams,
  output: NoContent,
  status: 204,
  access: { project: 'owner' },
});

/** POST /api/projects/:projectId/duplicate – fork with its history into a team the caller can edit. */
export const duplicateProject = defineRoute({
  method: 'POST',
  path: '/api/projects/:projectId/duplicate',
  params: ProjectParams,
  body: DuplicateProjectInput,
  output: ProjectSummarySchema,
  status: 201,
  access: { custom: 'a viewer of the project and an editor of the team the fork goes to' },
});
