import type { SampleReader } from '@/server/datasets/read/sample-reader';
import { versionIdOf } from '@/server/datasets/read/version-data';
import { versionReader } from '@/server/datasets/read/version-reader';

/** A version's reader, by dataset and version number. */
export async function openVersionReader(datasetId: string, number: number): Promise<SampleReader> {
  return versionReader(await versionIdOf(datasetId, number));
}
