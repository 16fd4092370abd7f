import { db } from '@/server/db/client';
import { shareLinkView } from './share-link-view';

/** A project's share links, newest first, revoked and expired ones included (marked inactive). */
export async function listShareLinks(projectId: string) {
  const rows = await db().shareLink.findMany({ where: { projectId }, orderBy: { createdAt: 'desc' }, take: 200 });
  const now = new Date();
  return { links: rows.map((row) => shareLinkView(row, now)) };
}
