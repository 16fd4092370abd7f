import { type IndexedGraph, indexGraph } from '@/engine/graph/indexed-graph';
import type { GraphDoc } from '@/engine/graph/schema';
import { rememberJsonText } from '@/server/http/json-text';

/**
 * Parsed graph documents by content hash. Content is immutable (its key is its SHA-256), so a
 * document validated once with parseGraph stays valid: loading a version parses each distinct
 * graph once per server process instead of on every request, and a save validates only what
 * changed since the version it was edited from (its index is built the first time it is a parent).
 * Bounded by total JSON size (LRU); an indexed entry counts three times (document, texts, whole text).
 * An indexed document's canonical text is what answers carrying it send (server/http/json-text.ts).
 */
const LIMIT_BYTES = Number(process.env.NETCANVAS_GRAPH_CACHE_MB ?? 64) * 1024 * 1024;
const entries = new Map<string, { doc: GraphDoc; size: number; indexed?: IndexedGraph }>();
let total = 0;

function touch(hash: string) {
  const entry = entries.get(hash);
  if (!entry) return undefined;
  entries.delete(hash);
  entries.set(hash, entry); // most recently used last
  return entry;
}

export function cachedGraph(hash: string): GraphDoc | undefined {
  return touch(hash)?.doc;
}

/** The cached document with its per-item index, built on first request. */
export function cachedIndexedGraph(hash: string): IndexedGraph | undefined {
  const entry = touch(hash);
  if (!entry) return undefined;
  if (!entry.indexed) {
    entry.indexed = indexGraph(entry.doc);
    rememberJsonText(entry.doc, entry.indexed.json);
    total += 2 * entry.size;
    evict();
  }
  return entry.indexed;
}

export function cacheGraph(hash: string, graph: GraphDoc | IndexedGraph, size: number): void {
  const indexed = 'json' in graph ? graph : undefined;
  const weight = indexed ? 3 * size : size;
  if (weight > LIMIT_BYTES || entries.has(hash)) return;
  entries.set(hash, { doc: indexed ? indexed.doc : (graph as GraphDoc), size, indexed });
  if (indexed) rememberJsonText(indexed.doc, indexed.json);
  total += weight;
  evict();
}

function evict(): void {
  for (const [key, entry] of entries) {
    if (total <= LIMIT_BYTES) break;
    entries.delete(key);
    total -= entry.indexed ? 3 * entry.size : entry.size;
  }
}
