import { randomUUID } from 'node:crypto';
import { db } from '@/server/db/client';

/**
 * Counts one request against a fixed budget per window, in the database (the `rate_limit` table),
 * so several server processes share one budget. One atomic statement, so that concurrent requests
 * cannot both take the last one: the count restarts when the window since the last allowed request
 * has passed, and otherwise goes up by one; a request is allowed while the count stays within the
 * budget. Refused requests do not move the window.
 */
export async function countInWindow(
  key: string,
  budget: { max: number; windowMs: number },
): Promise<{ allowed: boolean; retryAfter: number }> {
  const now = BigInt(Date.now());
  const window = BigInt(budget.windowMs);
  const [row] = await db().$queryRaw<{ count: number; lastRequest: bigint }[]>`
    INSERT INTO "rate_limit" ("id", "key", "count", "lastRequest") VALUES (${randomUUID()}, ${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN ${now} - "rate_limit"."lastRequest" >= ${window} THEN 1 ELSE "rate_limit"."count" + 1 END,
      "lastRequest" = CASE
        WHEN ${now} - "rate_limit"."lastRequest" >= ${window} OR "rate_limit"."count" < ${budget.max} THEN ${now}
        ELSE "rate_limit"."lastRequest" END
    RETURNING "count", "lastRequest"`;
  if (!row) throw new Error(`the request was not counted (${key})`);
  const allowed = row.count <= budget.max;
  const retryAfter = Math.max(1, Math.ceil((Number(row.lastRequest) + budget.windowMs - Number(now)) / 1000));
  return { allowed, retryAfter };
}
