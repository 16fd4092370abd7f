import { handle } from '@/server/http/handle';
import * as routes from '@/server/training/routes';
import { runModelJson } from '@/server/training/run-weights';
import type { RunModel } from '@/server/training/schemas';

export const GET = handle(routes.runModel, ({ params }) => runModelJson(params.runId) as Promise<RunModel>);
