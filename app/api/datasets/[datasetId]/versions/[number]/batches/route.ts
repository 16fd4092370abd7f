import { batchResponse } from '@/server/datasets/batch-response';
import { openVersionReader } from '@/server/datasets/open-version-reader';
import * as routes from '@/server/datasets/routes';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.versionBatches, async ({ params, query }) =>
  batchResponse(await openVersionReader(params.datasetId, params.number), query),
);
