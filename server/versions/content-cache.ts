import type { IndexedGraph } from '@/engine/graph/indexed-graph';
import { rememberJsonText } from '@/server/http/json-text';

/**
 * Validated, indexed graph documents by content hash. Content is immutable (its key is its
 * SHA-256), so a document validated once with parseGraph stays valid: loading a version parses
 * each distinct graph once per server process instead of on every request, and a save validates
 * only what changed since the version it was edited from. Bounded by total JSON size (LRU); an
 * entry counts three times its text (document, per-item texts, whole text). An entry's canonical
 * text is what answers carrying its document send (server/http/json-text.ts).
 */
const LIMIT_BYTES = Number(process.env.NETCANVAS_GRAPH_CACHE_MB ?? 64) * 1024 * 1024;
const entries = new Map<string, { graph: IndexedGraph; weight: number }>();
let total = 0;

export function cachedIndexedGraph(hash: string): IndexedGraph | undefined {
  const entry = entries.get(hash);
  if (!entry) return undefined;
  entries.delete(hash);
  entries.set(hash, entry); // most recently used last
  return entry.graph;
}

export function cacheGraph(hash: string, graph: IndexedGraph, size: number): void {
  const weight = 3 * size;
  if (weight > LIMIT_BYTES || entries.has(hash)) return;
  entries.set(hash, { graph, weight });
  rememberJsonText(graph.doc, graph.json);
  total += weight;
  for (const [key, entry] of entries) {
    if (total <= LIMIT_BYTES) break;
    entries.delete(key);
    total -= entry.weight;
  }
}
