import { listSamples } from '@/server/datasets/list-samples';
import * as routes from '@/server/datasets/routes';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.listSamples, ({ params, query }) => listSamples(params.datasetId, params.number, query));
