import { handle } from '@/server/http/handle';
import { keepGuestWork, requireGuest } from '@/server/onboarding/keep-guest-work';
import * as routes from '@/server/onboarding/routes';

export const POST = handle(
  routes.keepGuest,
  ({ caller, body }) => keepGuestWork(caller.userId, body),
  ({ caller }) => requireGuest(caller.userId),
);
