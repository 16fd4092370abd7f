import { randomBytes } from 'node:crypto';

export { hashToken as hashShareToken } from '@/server/auth/api-token';

/** Share tokens look like `ncs_<43 base64url chars>`; only their SHA-256 is stored. */
export const SHARE_TOKEN_PREFIX = 'ncs_';

/** A new share token. */
export function newShareToken(): string {
  return SHARE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** The page a share token opens. */
export function sharePath(token: string): string {
  return `/share/${token}`;
}
