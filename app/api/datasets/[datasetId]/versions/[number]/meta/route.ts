import { openVersionReader } from '@/server/datasets/open-version-reader';
import * as routes from '@/server/datasets/routes';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.versionMeta, async ({ params }) => (await openVersionReader(params.datasetId, params.number)).meta);
