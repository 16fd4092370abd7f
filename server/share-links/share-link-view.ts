import type { ShareLink } from './schemas';

/** A stored link as the API shows it. */
export function shareLinkView(
  row: { id: string; label: string; createdAt: Date; expiresAt: Date; revokedAt: Date | null },
  now = new Date(),
): ShareLink {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    active: row.revokedAt === null && row.expiresAt.getTime() > now.getTime(),
  };
}
