import type { Change } from '@/engine/graph/changes';
import { type IndexedGraph, indexGraph } from '@/engine/graph/indexed-graph';
import { parseGraphAgainst } from '@/engine/graph/parse-against';
import type { GraphDoc } from '@/engine/graph/schema';
import { db } from '@/server/db/client';
import { cacheGraph } from '@/server/versions/content-cache';
import { hashOfJson } from '@/server/versions/content-hash';
import { graphFromChanges, invalidGraph } from '@/server/versions/graph-from-changes';
import { insertVersion } from '@/server/versions/insert-version';
import { cachedVersionGraph } from '@/server/versions/parent-graph';
import { conflict } from '@/server/versions/save-conflict';
import type { VersionMeta } from '@/server/versions/schemas';
import { rememberVersionHash } from '@/server/versions/version-hashes';
import { carriedWeights, type NewVersionWeights } from '@/server/weights/carry-weights';

export interface SaveInput {
  projectId: string;
  authorId: string;
  /** The head the client edited; the save is refused (409) when the project has moved on. */
  parent: number | null;
  message: string;
  /** The new graph document, as sent; or instead: */
  graph?: unknown;
  /** the edits that turn the parent's graph into the new one, and the hash of the graph they give. */
  changes?: Change[];
  graphHash?: string;
  restoredFrom?: number;
  /**
   * The new version's weights. Left out: it inherits those of the version it was made from (the
   * restored one, else the parent), fitted to its graph by node id (carry-weights.ts); null: none.
   */
  weights?: NewVersionWeights | null;
}

/**
 * Saves a new immutable version: validates the graph with the engine, then in one statement
 * (insert-version.ts) stores its content once under its hash and appends version parent+1 — but
 * only while `parent` is still the project's head. When this process knows the parent's graph, only the nodes and edges that
 * differ from it are validated and serialized (parse-against.ts): same checks, same messages.
 * A save may send the changes against the parent instead of the whole document (graph-from-changes.ts).
 * A stale parent, or a save that lost a race, is a 409 whose details carry the current head, so
 * the client can keep its document as a draft and save again on top: nothing lost.
 */
export async function saveVersion(input: SaveInput): Promise<VersionMeta> {
  if (input.changes) {
    const { graph, hash } = await graphFromChanges({ ...input, changes: input.changes });
    return storeVersion(input, graph, hash);
  }
  const parent = input.parent === null ? undefined : cachedVersionGraph(input.projectId, input.parent);
  const parsed = parseGraphAgainst(input.graph, parent);
  if (!parsed.ok) throw invalidGraph(parsed.diagnostics);
  return storeVersion(input, parsed.graph);
}

/** Stores a validated graph as version parent+1 (see saveVersion); `knownHash` when already computed. */
export async function storeVersion(input: SaveInput, graph: GraphDoc | IndexedGraph, knownHash?: string): Promise<VersionMeta> {
  const indexed = 'json' in graph ? graph : indexGraph(graph);
  const { json } = indexed;
  const hash = knownHash ?? hashOfJson(json);
  const size = Buffer.byteLength(json);
  const weights =
    input.weights !== undefined
      ? input.weights
      : await carriedWeights(input.projectId, input.restoredFrom ?? input.parent, indexed.doc, hash);
  const saved = await insertVersion({
    projectId: input.projectId,
    parent: input.parent,
    message: input.message,
    authorId: input.authorId,
    restoredFrom: input.restoredFrom ?? null,
    hash,
    json,
    size,
    weights,
  });
  if (!saved) throw await conflict(db(), input.projectId, input.parent);
  cacheGraph(hash, indexed, size);
  rememberVersionHash(input.projectId, saved.number, hash);
  return saved;
}
