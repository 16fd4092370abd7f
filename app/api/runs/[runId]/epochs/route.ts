import { handle } from '@/server/http/handle';
import { reportBrowserEpoch } from '@/server/training/browser-run';
import * as routes from '@/server/training/routes';

export const POST = handle(routes.reportEpoch, ({ params, body }) => reportBrowserEpoch(params.runId, body));
