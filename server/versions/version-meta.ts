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

export function toMeta(row: {
  number: number;
  parentNumber: number | null;
  message: string;
  createdAt: Date;
  contentHash: string;
  restoredFrom: number | null;
  author: { id: string; name: string; email: string } | null;
}): VersionMeta {
  return { ...row };
}
