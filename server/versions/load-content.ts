import { type IndexedGraph, indexGraph } from '@/engine/graph/indexed-graph';
import { parseGraph } from '@/engine/graph/parse';
import { sql } from '@/server/db/sql';
import { ApiError } from '@/server/http/errors';
import { cachedIndexedGraph, cacheGraph } from '@/server/versions/content-cache';
import { hashOfJson } from '@/server/versions/content-hash';

/**
 * A stored graph content, read back through the engine's strict parser and indexed, once per
 * process and content (content-cache.ts): what a load sends and what a save on top of it is
 * validated against. `versionNumber` names the version in the error when it no longer parses.
 */
export async function loadIndexedContent(hash: string, versionNumber: number): Promise<IndexedGraph> {
  const cached = cachedIndexedGraph(hash);
  if (cached) return cached;
  const [content] = await sql<{ doc: string; size: number }>('SELECT "doc", "size" FROM "graph_content" WHERE "hash" = $1', [hash]);
  if (!content) throw new Error(`graph content ${hash} of version ${versionNumber} is missing`);
  const raw = parseJson(content.doc);
  const parsed = parseGraph(raw);
  if (!parsed.ok) {
    throw new ApiError('internal', `Version ${versionNumber} holds a graph this build cannot read.`, { diagnostics: parsed.diagnostics });
  }
  const indexed = canonicalStored(raw, content.doc, hash, parsed.migrated)
    ? indexGraph(parsed.doc, raw.nodes.map(stringify), raw.edges.map(stringify))
    : indexGraph(parsed.doc);
  cacheGraph(hash, indexed, content.size);
  return indexed;
}

type RawGraph = { nodes: unknown[]; edges: unknown[] };
const stringify = (value: unknown) => JSON.stringify(value);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // parseGraph words the error
  }
}

/**
 * Whether the stored text is the canonical JSON its hash was computed over, as every save writes
 * it (rows from before kept their own key order): then each item's canonical text is plain
 * JSON.stringify of the item as JSON.parse read it, in the text's own sorted key order, instead of
 * sorting a thousand layers' keys again.
 */
function canonicalStored(raw: unknown, text: string, hash: string, migrated: readonly string[]): raw is RawGraph {
  return (
    migrated.length === 0 && Array.isArray((raw as RawGraph).nodes) && Array.isArray((raw as RawGraph).edges) && hashOfJson(text) === hash
  );
}
