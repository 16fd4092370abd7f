import { route } from '@/server/http/route';
import { Empty } from '@/server/teams/schemas';
import { TokenParams } from '@/server/tokens/schemas';
import { revokeToken } from '@/server/tokens/tokens';

// DELETE /api/tokens/:tokenId – revoke one of the caller's tokens
export const DELETE = route({ params: TokenParams, output: Empty, status: 204 }, async ({ caller, params }) => {
  await revokeToken(caller.userId, params.tokenId);
});
