import { createDatasetVersion } from '@/server/datasets/create-version';
import * as routes from '@/server/datasets/routes';
import { handle } from '@/server/http/handle';

export const POST = handle(routes.createDatasetVersion, ({ caller, params, body }) =>
  createDatasetVersion(caller.userId, params.datasetId, body),
);
