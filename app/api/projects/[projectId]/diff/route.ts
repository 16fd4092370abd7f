import { route } from '@/server/http/route';
import { projectAccess } from '@/server/permissions';
import { ProjectParams } from '@/server/projects/schemas';
import { diffVersions } from '@/server/versions/diff-versions';
import { DiffQuery, DiffSchema } from '@/server/versions/schemas';

// GET /api/projects/:projectId/diff?from=N&to=M – what changed between two versions (nodes, edges, params)
export const GET = route({ params: ProjectParams, query: DiffQuery, output: DiffSchema }, async ({ caller, params, query }) => {
  await projectAccess(caller.userId, params.projectId, 'viewer');
  return diffVersions(params.projectId, query.from, query.to);
});
