import type { GraphDoc } from '@/engine/graph/schema';

/**
 * Parsed graph documents by content hash. Content is immutable (its key is its SHA-256), so a
 * document validated once with parseGraph stays valid: loading a version parses each distinct
 * graph once per server process instead of on every request. Bounded by total JSON size (LRU).
 */
const LIMIT_BYTES = Number(process.env.NETCANVAS_GRAPH_CACHE_MB ?? 64) * 1024 * 1024;
const entries = new Map<string, { doc: GraphDoc; size: number }>();
let total = 0;

export function cachedGraph(hash: string): GraphDoc | undefined {
  const entry = entries.get(hash);
  if (!entry) return undefined;
  entries.delete(hash);
  entries.set(hash, entry); // most recently used last
  return entry.doc;
}

export function cacheGraph(hash: string, doc: GraphDoc, size: number): void {
  if (size > LIMIT_BYTES || entries.has(hash)) return;
  entries.set(hash, { doc, size });
  total += size;
  for (const [key, entry] of entries) {
    if (total <= LIMIT_BYTES) break;
    entries.delete(key);
    total -= entry.size;
  }
}
