import { readBlobBytes } from '@/server/blobs/read-blob';
import type { VersionData } from './version-data';

// Name blobs are immutable and shared by every version of a dataset: a few stay in memory.
const names = new Map<string, Promise<string[]>>();

/** Where each sample of a version came from (archive path or CSV row), or null when not kept. */
export async function sampleNames(data: VersionData): Promise<string[] | null> {
  const hash = data.manifest.names;
  if (!hash) return null;
  let promise = names.get(hash);
  if (!promise) {
    promise = readBlobBytes(hash).then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as string[]);
    names.set(hash, promise);
    if (names.size > 16) names.delete(names.keys().next().value as string);
  }
  return promise;
}
