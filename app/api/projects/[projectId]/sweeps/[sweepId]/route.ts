import { handle } from '@/server/http/handle';
import { getSweep } from '@/server/training/get-sweep';
import * as routes from '@/server/training/routes';

export const GET = handle(routes.getSweep, ({ params }) => getSweep(params.projectId, params.sweepId));
