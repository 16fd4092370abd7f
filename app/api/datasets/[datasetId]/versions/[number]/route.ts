import { getDatasetVersion } from '@/server/datasets/get-dataset';
import * as routes from '@/server/datasets/routes';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.getDatasetVersion, ({ params }) => getDatasetVersion(params.datasetId, params.number));
