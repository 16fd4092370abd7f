import { DATASET_MEDIA_TYPES } from '@/server/datasets/store/pack';
import { db } from '@/server/db/client';

/**
 * Removes complete dataset blobs (shards, labels, splits, names) that no version uses and that are
 * older than `olderThanMs`: what a server that died between packing an upload and committing it
 * leaves behind. Uploads in progress are younger and are left alone. Returns how many were removed.
 */
export async function deleteOrphanDatasetBlobs(olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  const result = await db().blob.deleteMany({
    where: {
      mediaType: { in: DATASET_MEDIA_TYPES },
      hash: { not: null },
      datasetRefs: { none: {} },
      createdAt: { lt: new Date(Date.now() - olderThanMs) },
    },
  });
  return result.count;
}
