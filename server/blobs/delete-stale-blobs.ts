import { db } from '@/server/db/client';

/**
 * Removes blobs that never completed (an upload or a worker that died mid-write), once they are
 * older than `olderThanMs` so writes in progress are left alone. Returns how many were removed.
 */
export async function deleteStaleBlobs(olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  const result = await db().blob.deleteMany({ where: { hash: null, createdAt: { lt: new Date(Date.now() - olderThanMs) } } });
  return result.count;
}
