import { checkOrigin, handle } from '@/server/http/handle';
import { createGuest } from '@/server/onboarding/create-guest';
import * as routes from '@/server/onboarding/routes';

export const POST = handle(routes.createGuest, async ({ request }) => {
  checkOrigin(request);
  return createGuest(request.headers);
});
