import { handle } from '@/server/http/handle';
import * as routes from '@/server/tokens/routes';
import { revokeToken } from '@/server/tokens/tokens';

export const DELETE = handle(routes.revokeToken, ({ caller, params }) => revokeToken(caller.userId, params.tokenId));
