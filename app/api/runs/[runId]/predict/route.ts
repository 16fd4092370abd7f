import { handle } from '@/server/http/handle';
import { predictRun } from '@/server/predict/predict-run';
import * as routes from '@/server/predict/routes';

export const POST = handle(routes.predictRun, ({ caller, params, query, request }) => predictRun(caller, params.runId, request, query.top));
