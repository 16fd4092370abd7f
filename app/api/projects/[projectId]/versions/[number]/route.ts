import { handle } from '@/server/http/handle';
import { getVersion } from '@/server/versions/get-version';
import * as routes from '@/server/versions/routes';

export const GET = handle(routes.getVersion, ({ params }) => getVersion(params.projectId, params.number));
