import type { IndexedGraph } from '@/engine/graph/indexed-graph';
import { db } from '@/server/db/client';
import { cachedIndexedGraph } from '@/server/versions/content-cache';
import { loadIndexedContent } from '@/server/versions/load-content';
import { knownVersionHash, rememberVersionHash } from '@/server/versions/version-hashes';

/** The validated graph of version `number` of a project, when this process has it at hand. */
export function cachedVersionGraph(projectId: string, number: number): IndexedGraph | undefined {
  const hash = knownVersionHash(projectId, number);
  return hash ? cachedIndexedGraph(hash) : undefined;
}

/**
 * The validated graph of version `number`: from this process's caches, else read from the
 * database (and cached). Undefined when the project has no such version.
 */
export async function versionGraph(projectId: string, number: number): Promise<IndexedGraph | undefined> {
  const cached = cachedVersionGraph(projectId, number);
  if (cached) return cached;
  const row = await db().version.findUnique({ where: { projectId_number: { projectId, number } }, select: { contentHash: true } });
  if (!row) return undefined;
  rememberVersionHash(projectId, number, row.contentHash);
  return loadIndexedContent(row.contentHash, number);
}
