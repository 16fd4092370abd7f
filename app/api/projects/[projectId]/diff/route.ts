import { handle } from '@/server/http/handle';
import { diffVersions } from '@/server/versions/diff-versions';
import * as routes from '@/server/versions/routes';

export const GET = handle(routes.diffVersions, ({ params, query }) => diffVersions(params.projectId, query.from, query.to));
