import { defineRoute } from '@/server/http/contract';
import {
  DiffQuery,
  DiffSchema,
  RestoreInput,
  SaveVersionInput,
  VersionListParams,
  VersionListQuery,
  VersionListSchema,
  VersionMetaSchema,
  VersionParams,
  VersionSchema,
} from '@/server/versions/schemas';

/** GET /api/projects/:projectId/versions – history, newest first (`?limit=&before=`). */
export const listVersions = defineRoute({
  method: 'GET',
  path: '/api/projects/:projectId/versions',
  params: VersionListParams,
  query: VersionListQuery,
  output: VersionListSchema,
  access: { project: 'viewer' },
});

/** POST /api/projects/:projectId/versions – save a new version on top of `parent` (409 when stale). */
export const saveVersion = defineRoute({
  method: 'POST',
  path: '/api/projects/:projectId/versions',
  params: VersionListParams,
  body: SaveVersionInput,
  output: VersionMetaSchema,
  status: 201,
  access: { project: 'editor' },
});

/** GET /api/projects/:projectId/versions/:number – one version with its graph (`head` for the newest). */
export const getVersion = defineRoute({
  method: 'GET',
  path: '/api/projects/:projectId/versions/:number',
  params: VersionParams,
  output: VersionSchema,
  access: { project: 'viewer' },
});

/** POST /api/projects/:projectId/versions/:number/restore – a new head equal to an old version. */
export const restoreVersion = defineRoute({
  method: 'POST',
  path: '/api/projects/:projectId/versions/:number/restore',
  params: VersionParams,
  body: RestoreInput,
  output: VersionMetaSchema,
  status: 201,
  access: { project: 'editor' },
});

/** GET /api/projects/:projectId/diff?from=N&to=M – what changed between two versions (nodes, edges, params). */
export const diffVersions = defineRoute({
  method: 'GET',
  path: '/api/projects/:projectId/diff',
  params: VersionListParams,
  query: DiffQuery,
  output: DiffSchema,
  access: { project: 'viewer' },
});
