import { discardBlobs } from '@/server/datasets/store/commit-version';
import { db } from '@/server/db/client';

/**
 * Deletes a dataset and its versions, then the blobs that no other
 * dataset version uses. Runs that trained on it keep their figures; their dataset link is cleared.
 */
export async function deleteDataset(datasetId: string): Promise<void> {
  const refs = await db().datasetVersionBlob.findMany({
    where: { version: { datasetId } },
    select: { blobHash: true },
    distinct: ['blobHash'],
  });
  await db().dataset.delete({ where: { id: datasetId } });
  await discardBlobs(refs.map((r) => r.blobHash));
}
