import { indexGraph } from '@/engine/graph/indexed-graph';
import { parseGraph } from '@/engine/graph/parse';
import type { GraphDoc } from '@/engine/graph/schema';
import { db } from '@/server/db/client';
import { ApiError, notFound } from '@/server/http/errors';
import { cachedGraph, cacheGraph } from '@/server/versions/content-cache';
import type { Version } from '@/server/versions/schemas';
import { rememberVersionHash } from '@/server/versions/version-hashes';
import { toMeta, VERSION_META_SELECT } from '@/server/versions/version-meta';

/**
 * One version with its graph, read back through the engine's strict parser (once per distinct
 * content, see content-cache.ts). `head` means the newest.
 */
export async function getVersion(projectId: string, number: number | 'head'): Promise<Version> {
  // The head is the newest version: a save appends parent + 1 only while its parent is the head
  // (save-version.ts), and versions are never removed one by one, so one query finds it.
  const row =
    number === 'head'
      ? await db().version.findFirst({ where: { projectId }, orderBy: { number: 'desc' }, select: VERSION_META_SELECT })
      : await db().version.findUnique({ where: { projectId_number: { projectId, number } }, select: VERSION_META_SELECT });
  if (!row) throw number === 'head' ? new ApiError('not_found', 'This project has no saved versions yet.') : notFound(`Version ${number}`);
  const graph = await graphContent(row.contentHash, row.number);
  rememberVersionHash(projectId, row.number, row.contentHash);
  return { ...toMeta(row), graph };
}

async function graphContent(hash: string, n: number): Promise<GraphDoc> {
  const cached = cachedGraph(hash);
  if (cached) return cached;
  const content = await db().graphContent.findUniqueOrThrow({ where: { hash }, select: { doc: true, size: true } });
  const parsed = parseGraph(content.doc);
  if (!parsed.ok) {
    throw new ApiError('internal', `Version ${n} holds a graph this build cannot read.`, { diagnostics: parsed.diagnostics });
  }
  // Indexed once here, so that every later load sends its canonical text and a save on top of it
  // validates only what it changed.
  cacheGraph(hash, indexGraph(parsed.doc), content.size);
  return parsed.doc;
}
