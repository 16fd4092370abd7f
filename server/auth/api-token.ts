import { createHash, randomBytes } from 'node:crypto';

/** API tokens look like `nc_<43 base64url chars>`; only their SHA-256 is stored. */
export const TOKEN_PREFIX = 'nc_';

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
