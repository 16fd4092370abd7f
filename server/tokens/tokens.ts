import type { z } from 'zod';
import { hashToken, newToken } from '@/server/auth/api-token';
import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';
import { projectAccess } from '@/server/permissions';
import type { NewTokenSchema, TokenSchema } from '@/server/tokens/schemas';

const SELECT = { id: true, name: true, prefix: true, scope: true, projectId: true, createdAt: true, lastUsedAt: true } as const;

/** Makes an API token for the user; the plain token is in the answer and nowhere else. */
export async function createToken(
  userId: string,
  input: { name: string; scope?: 'all' | 'predict'; projectId?: string },
): Promise<z.infer<typeof NewTokenSchema>> {
  // A predict token serves one project the user can see (a viewer may use its runs).
  if (input.projectId) await projectAccess(userId, input.projectId, 'viewer');
  const token = newToken();
  const row = await db().apiToken.create({
    data: {
      userId,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      scope: input.scope ?? 'all',
      projectId: input.projectId ?? null,
    },
    select: SELECT,
  });
  return { ...row, scope: row.scope as 'all' | 'predict', token };
}

export async function listTokens(userId: string): Promise<z.infer<typeof TokenSchema>[]> {
  const rows = await db().apiToken.findMany({ where: { userId }, select: SELECT, orderBy: { createdAt: 'desc' } });
  return rows.map((row) => ({ ...row, scope: row.scope as 'all' | 'predict' }));
}

/** Revokes one of the user's own tokens; anyone else's is "not found". */
export async function revokeToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await db().apiToken.deleteMany({ where: { id: tokenId, userId } });
  if (count === 0) throw notFound('The token');
}
