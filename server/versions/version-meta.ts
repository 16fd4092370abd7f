import type { VersionMeta } from '@/server/versions/schemas';

export const VERSION_META_SELECT = {
  number: true,
  parentNumber: true,
  message: true,
  createdAt: true,
  contentHash: true,
  restoredFrom: true,
  author: { select: { id: true, name: true, email: true } },
} as const;

/** A version's own columns in its metadata. */
interface VersionMetaFields {
  number: number;
  parentNumber: number | null;
  message: string;
  createdAt: Date;
  contentHash: string;
  restoredFrom: number | null;
}

export function toMeta(row: VersionMetaFields & { author: { id: string; name: string; email: string } | null }): VersionMeta {
  return { ...row };
}

/**
 * The columns of a version's metadata in SQL (server/db/sql.ts), from a version `v` left-joined
 * with its author `u`; metaOfRow reads them back.
 */
export const VERSION_META_COLUMNS = `v."number", v."parentNumber", v."message", v."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
  v."contentHash", v."restoredFrom", u."id" AS "authorId", u."name" AS "authorName", u."email" AS "authorEmail"`;

export interface VersionMetaRow extends VersionMetaFields {
  authorId: string | null;
  authorName: string | null;
  authorEmail: string | null;
}

export function metaOfRow({ authorId, authorName, authorEmail, ...row }: VersionMetaRow): VersionMeta {
  const author = authorId === null ? null : { id: authorId, name: authorName as string, email: authorEmail as string };
  return { ...row, author };
}
