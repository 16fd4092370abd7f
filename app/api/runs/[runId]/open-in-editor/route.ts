import { handle } from '@/server/http/handle';
import { openRunWeights } from '@/server/weights/open-run-weights';
import * as routes from '@/server/weights/routes';

export const POST = handle(routes.openRunWeights, ({ caller, params }) => openRunWeights(caller.userId, params.runId));
