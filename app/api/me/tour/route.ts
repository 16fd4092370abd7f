import { handle } from '@/server/http/handle';
import * as routes from '@/server/onboarding/routes';
import { setTourState, tourState } from '@/server/onboarding/tour-state';

export const GET = handle(routes.getTour, async ({ caller }) => ({ state: await tourState(caller.userId) }));

export const PUT = handle(routes.putTour, ({ caller, body }) => setTourState(caller.userId, body.state));
