import { route } from '@/server/http/route';
import { projectAccess } from '@/server/permissions';
import { restoreVersion } from '@/server/versions/restore-version';
import { RestoreInput, VersionMetaSchema, VersionParams } from '@/server/versions/schemas';

// POST /api/projects/:projectId/versions/:number/restore – a new head equal to an old version (editors)
export const POST = route(
  { params: VersionParams, body: RestoreInput, output: VersionMetaSchema, status: 201 },
  async ({ caller, params, body }) => {
    await projectAccess(caller.userId, params.projectId, 'editor');
    return restoreVersion({ projectId: params.projectId, authorId: caller.userId, number: params.number, ...body });
  },
);
