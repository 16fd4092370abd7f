import { handle } from '@/server/http/handle';
import { listVersions } from '@/server/versions/list-versions';
import * as routes from '@/server/versions/routes';
import { saveVersion } from '@/server/versions/save-version';

export const GET = handle(routes.listVersions, ({ params, query }) => listVersions(params.projectId, query));

export const POST = handle(routes.saveVersion, ({ caller, params, body }) =>
  saveVersion({ projectId: params.projectId, authorId: caller.userId, ...body }),
);
