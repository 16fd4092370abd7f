import { countInWindow } from '@/server/auth/window-counter';

/**
 * A per-account limit on password attempts, on top of Better Auth's per-address limit. The address
 * comes from X-Forwarded-For, which a client talking to the server directly can set to anything, so
 * counting attempts per email is what actually stops password guessing against one account.
 * Counted in the database, beside Better Auth's own counters, so that several server processes
 * share one budget. Active where Better Auth's own limits are (production).
 */
const WINDOW_MS = 60_000;
const MAX_ATTEMPTS = 10;

export function signInLimitActive(): boolean {
  return process.env.NODE_ENV === 'production' || process.env.NETCANVAS_RATE_LIMIT === 'on';
}

/** Counts a sign-in attempt; answers 429 once an email had too many within a minute. */
export async function guardSignIn(request: Request): Promise<Response | null> {
  if (!signInLimitActive() || !new URL(request.url).pathname.endsWith('/sign-in/email')) return null;
  const body = (await request
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  if (typeof body?.email !== 'string') return null;
  const { allowed, retryAfter } = await countInWindow(`sign-in-account:${body.email.trim().toLowerCase()}`, {
    max: MAX_ATTEMPTS,
    windowMs: WINDOW_MS,
  });
  if (allowed) return null;
  return Response.json(
    { code: 'TOO_MANY_REQUESTS', message: 'Too many sign-in attempts for this account. Wait a minute and try again.' },
    { status: 429, headers: { 'retry-after': String(retryAfter) } },
  );
}
