/**
 * A per-account limit on password attempts, on top of Better Auth's per-address limit. The address
 * comes from X-Forwarded-For, which a client talking to the server directly can set to anything, so
 * counting attempts per email is what actually stops password guessing against one account.
 * In memory, per server process; active where Better Auth's own limits are (production).
 */
const WINDOW_MS = 60_000;
const MAX_ATTEMPTS = 10;
const attempts = new Map<string, number[]>();

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
  const key = body.email.trim().toLowerCase();
  const now = Date.now();
  const recent = (attempts.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (recent.length >= MAX_ATTEMPTS) {
    const retryAfter = Math.ceil((WINDOW_MS - (now - (recent[0] ?? now))) / 1000);
    return Response.json(
      { code: 'TOO_MANY_REQUESTS', message: 'Too many sign-in attempts for this account. Wait a minute and try again.' },
      { status: 429, headers: { 'retry-after': String(retryAfter) } },
    );
  }
  recent.push(now);
  attempts.set(key, recent);
  if (attempts.size > 10_000) {
    for (const [k, times] of attempts) if (times.every((t) => now - t >= WINDOW_MS)) attempts.delete(k);
  }
  return null;
}
