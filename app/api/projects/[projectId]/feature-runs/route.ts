import { createFeatureRun } from '@/server/features/create-feature-run';
import * as routes from '@/server/features/routes';
import { handle } from '@/server/http/handle';

export const POST = handle(routes.createFeatureRun, ({ caller, params, body }) => createFeatureRun(caller.userId, params.projectId, body));
