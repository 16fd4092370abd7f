import { db } from '@/server/db/client';
import { getThread } from './list-comments';
import type { Thread } from './schemas';

/** Resolves a thread (recording who and when) or reopens it; a 404 when the project has no such thread. */
export async function resolveComment(userId: string, projectId: string, threadId: string, resolved: boolean): Promise<Thread> {
  await getThread(projectId, threadId);
  await db().comment.update({
    where: { id: threadId },
    data: resolved ? { resolvedAt: new Date(), resolvedById: userId } : { resolvedAt: null, resolvedById: null },
  });
  return getThread(projectId, threadId);
}
