import { handle } from '@/server/http/handle';
import { cancelRun } from '@/server/training/cancel-run';
import * as routes from '@/server/training/routes';

export const POST = handle(routes.cancelRun, ({ params }) => cancelRun(params.runId));
