/**
 * The address a request comes from, for per-address limits. `X-Forwarded-For` is only believed when
 * the operator says how many proxies of their own stand in front (`TRUSTED_PROXY`, a hop count):
 * each appends the address it saw, so the client is the entry that many places from the right —
 * anything further left was written by the client and may be made up. With no trusted proxy the
 * header is ignored and the socket's address is the client's.
 *
 * @example
 * clientAddress('10.0.0.5', '203.0.113.9, 198.51.100.7', 1) // '198.51.100.7' (appended by our proxy)
 * clientAddress('198.51.100.7', '203.0.113.9', 0) // '198.51.100.7' (the header is the client's own)
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = socketAddress ?? 'unknown';
  if (trustedHops <= 0 || !forwardedFor) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - trustedHops] ?? entries[0] ?? socket;
}
