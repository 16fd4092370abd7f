import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';
import { hashShareToken, SHARE_TOKEN_PREFIX } from './share-token';

/** A share link that lets people in now. */
export interface ActiveShareLink {
  id: string;
  projectId: string;
  projectName: string;
  expiresAt: Date;
}

/**
 * The link behind a share token, when it is neither revoked nor expired; otherwise null, with no
 * word of why (a revoked link and one that never existed look the same).
 */
export async function findActiveShareLink(token: string): Promise<ActiveShareLink | null> {
  if (!token.startsWith(SHARE_TOKEN_PREFIX)) return null;
  const row = await db().shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { id: true, projectId: true, expiresAt: true, revokedAt: true, project: { select: { name: true } } },
  });
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return { id: row.id, projectId: row.projectId, projectName: row.project.name, expiresAt: row.expiresAt };
}

/** What `GET /api/share/:token` answers: the project a valid link opens, or "not found". */
export async function openShareLink(token: string) {
  const link = await findActiveShareLink(token);
  if (!link) throw notFound('The share link');
  return { projectId: link.projectId, projectName: link.projectName, expiresAt: link.expiresAt };
}
