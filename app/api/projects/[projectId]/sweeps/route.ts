import { handle } from '@/server/http/handle';
import { createSweep } from '@/server/training/create-sweep';
import { listSweeps } from '@/server/training/get-sweep';
import * as routes from '@/server/training/routes';

export const GET = handle(routes.listSweeps, async ({ params }) => ({ sweeps: await listSweeps(params.projectId) }));

export const POST = handle(routes.createSweep, ({ caller, params, body }) => createSweep(caller.userId, params.projectId, body));
