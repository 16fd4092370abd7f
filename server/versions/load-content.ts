import { type IndexedGraph, indexGraph } from '@/engine/graph/indexed-graph';
import { parseGraph } from '@/engine/graph/parse';
import { db } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';
import { cachedIndexedGraph, cacheGraph } from '@/server/versions/content-cache';

/**
 * A stored graph content, read back through the engine's strict parser and indexed, once per
 * process and content (content-cache.ts): what a load sends and what a save on top of it is
 * validated against. `versionNumber` names the version in the error when it no longer parses.
 */
export async function loadIndexedContent(hash: string, versionNumber: number): Promise<IndexedGraph> {
  const cached = cachedIndexedGraph(hash);
  if (cached) return cached;
  const content = await db().graphContent.findUniqueOrThrow({ where: { hash }, select: { doc: true, size: true } });
  const parsed = parseGraph(content.doc);
  if (!parsed.ok) {
    throw new ApiError('internal', `Version ${versionNumber} holds a graph this build cannot read.`, { diagnostics: parsed.diagnostics });
  }
  const indexed = indexGraph(parsed.doc);
  cacheGraph(hash, indexed, content.size);
  return indexed;
}
