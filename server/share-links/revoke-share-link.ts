import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';
import { publishRoomSignal } from '@/server/live/room-signals';

/** Revokes a project's share link; every room connection made through it is closed, on every app instance. */
export async function revokeShareLink(projectId: string, linkId: string): Promise<void> {
  const { count } = await db().shareLink.updateMany({
    where: { id: linkId, projectId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) {
    const exists = await db().shareLink.findFirst({ where: { id: linkId, projectId }, select: { id: true } });
    if (!exists) throw notFound('The share link');
  }
  await publishRoomSignal({ kind: 'revoke', linkId });
}
