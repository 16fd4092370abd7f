import { handle } from '@/server/http/handle';
import * as routes from '@/server/tokens/routes';
import { createToken, listTokens } from '@/server/tokens/tokens';

export const GET = handle(routes.listTokens, async ({ caller }) => ({ tokens: await listTokens(caller.userId) }));

export const POST = handle(routes.createToken, ({ caller, body }) => createToken(caller.userId, body));
