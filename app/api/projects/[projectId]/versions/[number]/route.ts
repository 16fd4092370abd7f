import { route } from '@/server/http/route';
import { projectAccess } from '@/server/permissions';
import { getVersion } from '@/server/versions/get-version';
import { VersionParams, VersionSchema } from '@/server/versions/schemas';

// GET /api/projects/:projectId/versions/:number – one version with its graph (`head` for the newest)
export const GET = route({ params: VersionParams, output: VersionSchema }, async ({ caller, params }) => {
  await projectAccess(caller.userId, params.projectId, 'viewer');
  return getVersion(params.projectId, params.number);
});
