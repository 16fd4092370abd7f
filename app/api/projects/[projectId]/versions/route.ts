import { route } from '@/server/http/route';
import { projectAccess } from '@/server/permissions';
import { listVersions } from '@/server/versions/list-versions';
import { saveVersion } from '@/server/versions/save-version';
import { SaveVersionInput, VersionListParams, VersionListQuery, VersionListSchema, VersionMetaSchema } from '@/server/versions/schemas';

// GET /api/projects/:projectId/versions – history, newest first (?limit=&before=)
export const GET = route(
  { params: VersionListParams, query: VersionListQuery, output: VersionListSchema },
  async ({ caller, params, query }) => {
    await projectAccess(caller.userId, params.projectId, 'viewer');
    return listVersions(params.projectId, query);
  },
);

// POST /api/projects/:projectId/versions – save a new version on top of `parent` (editors; 409 when stale)
export const POST = route(
  { params: VersionListParams, body: SaveVersionInput, output: VersionMetaSchema, status: 201 },
  async ({ caller, params, body }) => {
    await projectAccess(caller.userId, params.projectId, 'editor');
    return saveVersion({ projectId: params.projectId, authorId: caller.userId, ...body });
  },
);
