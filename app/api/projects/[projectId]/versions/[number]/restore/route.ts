import { handle } from '@/server/http/handle';
import { restoreVersion } from '@/server/versions/restore-version';
import * as routes from '@/server/versions/routes';

export const POST = handle(routes.restoreVersion, ({ caller, params, body }) =>
  restoreVersion({ projectId: params.projectId, authorId: caller.userId, number: params.number, ...body }),
);
