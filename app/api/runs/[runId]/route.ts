import { handle } from '@/server/http/handle';
import { deleteRun } from '@/server/training/delete-run';
import { getRun } from '@/server/training/get-run';
import { renameRun } from '@/server/training/rename-run';
import * as routes from '@/server/training/routes';

export const GET = handle(routes.getRun, ({ params }) => getRun(params.runId));

export const PATCH = handle(routes.renameRun, ({ params, body }) => renameRun(params.runId, body.name));

export const DELETE = handle(routes.deleteRun, ({ params }) => deleteRun(params.runId));
