import { datasetAccess } from '@/server/datasets/dataset-access';
import type { SampleReader } from '@/server/datasets/read/sample-reader';
import { versionIdOf } from '@/server/datasets/read/version-data';
import { versionReader } from '@/server/datasets/read/version-reader';

/** A version's reader, for a caller allowed to view the dataset. */
export async function openVersionReader(userId: string, datasetId: string, number: number): Promise<SampleReader> {
  await datasetAccess(userId, datasetId, 'viewer');
  return versionReader(await versionIdOf(datasetId, number));
}
