import type { z } from 'zod';
import { hashToken, newToken } from '@/server/auth/api-token';
import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';
import type { NewTokenSchema, TokenSchema } from '@/server/tokens/schemas';

const SELECT = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true } as const;

/** Makes an API token for the user; the plain token is in the answer and nowhere else. */
export async function createToken(userId: string, name: string): Promise<z.infer<typeof NewTokenSchema>> {
  const token = newToken();
  const row = await db().apiToken.create({
    data: { userId, name, tokenHash: hashToken(token), prefix: token.slice(0, 10) },
    select: SELECT,
  });
  return { ...row, token };
}

export async function listTokens(userId: string): Promise<z.infer<typeof TokenSchema>[]> {
  return db().apiToken.findMany({ where: { userId }, select: SELECT, orderBy: { createdAt: 'desc' } });
}

/** Revokes one of the user's own tokens; anyone else's is "not found". */
export async function revokeToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await db().apiToken.deleteMany({ where: { id: tokenId, userId } });
  if (count === 0) throw notFound('The token');
}
