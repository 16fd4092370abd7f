import * as routes from '@/server/auth/routes';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.getMe, async ({ caller }) => ({
  id: caller.userId,
  name: caller.name,
  email: caller.email,
  via: caller.via,
}));
