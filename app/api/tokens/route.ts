import { route } from '@/server/http/route';
import { CreateTokenInput, NewTokenSchema, TokenListSchema } from '@/server/tokens/schemas';
import { createToken, listTokens } from '@/server/tokens/tokens';

// GET /api/tokens – the caller's API tokens (never the tokens themselves)
export const GET = route({ output: TokenListSchema }, async ({ caller }) => ({ tokens: await listTokens(caller.userId) }));

// POST /api/tokens – make an API token; the answer is the only time it is shown
export const POST = route({ body: CreateTokenInput, output: NewTokenSchema, status: 201 }, ({ caller, body }) =>
  createToken(caller.userId, body.name),
);
