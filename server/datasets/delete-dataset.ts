import { datasetAccess } from '@/server/datasets/dataset-access';
import { discardBlobs } from '@/server/datasets/store/commit-version';
import { db } from '@/server/db/client';

/**
 * Deletes a dataset and its versions (team owners and editors), then the blobs that no other
 * dataset version uses. Runs that trained on it keep their figures; their dataset link is cleared.
 */
export async function deleteDataset(userId: string, datasetId: string): Promise<void> {
  await datasetAccess(userId, datasetId, 'editor');
  const refs = await db().datasetVersionBlob.findMany({
    where: { version: { datasetId } },
    select: { blobHash: true },
    distinct: ['blobHash'],
  });
  await db().dataset.delete({ where: { id: datasetId } });
  await discardBlobs(refs.map((r) => r.blobHash));
}
