import { defineRoute, NoContent } from '@/server/http/contract';
import { CreateTokenInput, NewTokenSchema, TokenListSchema, TokenParams } from '@/server/tokens/schemas';

/** GET /api/tokens – the caller's API tokens (never the tokens themselves). */
export const listTokens = defineRoute({ method: 'GET', path: '/api/tokens', output: TokenListSchema, access: 'user' });

/** POST /api/tokens – make an API token; the answer is the only time it is shown. */
export const createToken = defineRoute({
  method: 'POST',
  path: '/api/tokens',
  body: CreateTokenInput,
  output: NewTokenSchema,
  status: 201,
  access: 'user',
});

/** DELETE /api/tokens/:tokenId – revoke one of the caller's tokens. */
export const revokeToken = defineRoute({
  method: 'DELETE',
  path: '/api/tokens/:tokenId',
  params: TokenParams,
  output: NoContent,
  status: 204,
  access: 'user',
});
