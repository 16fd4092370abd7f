import { hashToken, TOKEN_PREFIX } from '@/server/auth/api-token';
import { auth } from '@/server/auth/auth';
import { db } from '@/server/db/client';
import { sql } from '@/server/db/sql';

/** Methods that only read: CSRF checks and the session's freshness treat them as reads. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

import { ApiError } from '@/server/http/errors';

/** Who is making a request, and how they proved it. */
export interface Caller {
  userId: string;
  email: string;
  name: string;
  via: 'session' | 'token';
  /**
   * Set for a token scoped to predictions: it may call only routes that accept such tokens
   * (`predictToken` in their contract), and only for runs of its project.
   */
  predictOnly?: { projectId: string | null };
}

type TokenRow = {
  id: string;
  lastUsedAt: Date | null;
  scope: string;
  projectId: string | null;
  userId: string;
  email: string;
  name: string;
};

/**
 * Finds the caller from an `Authorization: Bearer nc_…` API token or the session cookie. Returns
 * null for anonymous requests; a bad token is an error rather than anonymous, so scripts learn why.
 */
export async function resolveCaller(headers: Headers, method = 'GET'): Promise<Caller | null> {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const token = match?.[1];
    if (!token?.startsWith(TOKEN_PREFIX)) throw new ApiError('unauthorized', 'The Authorization header must be "Bearer nc_…".');
    const [found] = await sql<TokenRow>(
      `SELECT t."id", t."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt", t."scope", t."projectId", u."id" AS "userId", u."email", u."name"
         FROM "api_token" t JOIN "user" u ON u."id" = t."userId" WHERE t."tokenHash" = $1`,
      [hashToken(token)],
    );
    if (!found) throw new ApiError('unauthorized', 'The API token is not valid or was revoked.');
    if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
      await db().apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
    }
    const caller: Caller = { userId: found.userId, email: found.email, name: found.name, via: 'token' };
    return found.scope === 'predict' ? { ...caller, predictOnly: { projectId: found.projectId } } : caller;
  }
  // A write checks the session in the database, so signing out or resetting a password stops it at
  // once; a read may trust the signed cookie cache for its few seconds.
  const session = await auth().api.getSession({ headers, query: { disableCookieCache: !SAFE_METHODS.has(method) } });
  if (!session) return null;
  return { userId: session.user.id, email: session.user.email, name: session.user.name, via: 'session' };
}
