import { handle } from '@/server/http/handle';
import { finishBrowserRun } from '@/server/training/browser-run';
import * as routes from '@/server/training/routes';

export const POST = handle(routes.finishRun, ({ params, body }) => finishBrowserRun(params.runId, body));
