import { handle } from '@/server/http/handle';
import { createRun } from '@/server/training/create-run';
import { listRuns } from '@/server/training/list-runs';
import * as routes from '@/server/training/routes';

export const GET = handle(routes.listRuns, async ({ params, query }) => ({ runs: await listRuns(params.projectId, query) }));

export const POST = handle(routes.createRun, ({ caller, params, body }) => createRun(caller.userId, params.projectId, body));
