import { countInWindow } from '@/server/auth/window-counter';

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
  const { allowed, retryAfter } = await countInWindow(`sign-in-account:${fields.email.trim().toLowerCase()}`, {
    max: MAX_ATTEMPTS,
    windowMs: WINDOW_MS,
  });
  if (allowed) return null;
  return Response.json(
    { code: 'TOO_MANY_REQUESTS', message: 'Too many sign-in attempts for this account. Wait a minute and try again.' },
    { status: 429, headers: { 'retry-after': String(retryAfter) } },
  );
}
