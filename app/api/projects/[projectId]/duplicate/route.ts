import { route } from '@/server/http/route';
import { projectAccess } from '@/server/permissions';
import { duplicateProject } from '@/server/projects/duplicate-project';
import { DuplicateProjectInput, ProjectParams, ProjectSummarySchema } from '@/server/projects/schemas';

// POST /api/projects/:projectId/duplicate – fork with its history into a team the caller can edit
export const POST = route(
  { params: ProjectParams, body: DuplicateProjectInput, output: ProjectSummarySchema, status: 201 },
  async ({ caller, params, body }) => {
    await projectAccess(caller.userId, params.projectId, 'viewer');
    return duplicateProject(caller.userId, params.projectId, body);
  },
);
