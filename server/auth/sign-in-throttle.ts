import { randomUUID } from 'node:crypto';
import { db } from '@/server/db/client';

/**
 * A per-account limit on password attempts, on top of Better Auth's per-address limit: guesses
 * spread over many addresses (a botnet) still count against the one account they target.
 * Counted in the database, beside Better Auth's own counters, so that several server processes
 * share one budget. Active where Better Auth's own limits are (production).
 */
const WINDOW_MS = 60_000;
const MAX_ATTEMPTS = 10;

export function signInLimitActive(): boolean {
  return process.env.NODE_ENV === 'production' || process.env.NETCANVAS_RATE_LIMIT === 'on';
}

/**
 * Counts a sign-in attempt against the account it names (the fields Better Auth will act on, read
 * by `readAuthRequest` whatever the body type); answers 429 once an email had too many within a minute.
 */
export async function guardSignIn(request: Request, fields: Record<string, unknown>): Promise<Response | null> {
  if (!signInLimitActive() || !new URL(request.url).pathname.endsWith('/sign-in/email')) return null;
  if (typeof fields.email !== 'string') return null;
  const { allowed, retryAfter } = await countAttempt(`sign-in-account:${fields.email.trim().toLowerCase()}`);
  if (allowed) return null;
  return Response.json(
    { code: 'TOO_MANY_REQUESTS', message: 'Too many sign-in attempts for this account. Wait a minute and try again.' },
    { status: 429, headers: { 'retry-after': String(retryAfter) } },
  );
}

/**
 * One atomic statement, so that concurrent attempts from several processes cannot both take the last
 * one: the count restarts when the window since the last allowed attempt has passed, and otherwise
 * goes up by one; an attempt is allowed while the count stays within the budget. Refused attempts do
 * not move the window (as with Better Auth's counters, which prune rows older than a minute).
 */
async function countAttempt(key: string): Promise<{ allowed: boolean; retryAfter: number }> {
  const now = BigInt(Date.now());
  const window = BigInt(WINDOW_MS);
  const [row] = await db().$queryRaw<{ count: number; lastRequest: bigint }[]>`
    INSERT INTO "rate_limit" ("id", "key", "count", "lastRequest") VALUES (${randomUUID()}, ${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN ${now} - "rate_limit"."lastRequest" >= ${window} THEN 1 ELSE "rate_limit"."count" + 1 END,
      "lastRequest" = CASE
        WHEN ${now} - "rate_limit"."lastRequest" >= ${window} OR "rate_limit"."count" < ${MAX_ATTEMPTS} THEN ${now}
        ELSE "rate_limit"."lastRequest" END
    RETURNING "count", "lastRequest"`;
  if (!row) throw new Error('the sign-in attempt was not counted');
  const allowed = row.count <= MAX_ATTEMPTS;
  const retryAfter = Math.max(1, Math.ceil((Number(row.lastRequest) + WINDOW_MS - Number(now)) / 1000));
  return { allowed, retryAfter };
}
