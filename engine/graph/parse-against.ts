import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics';
import { canonicalJson } from './canonical-json';
import { type IndexedGraph, type IndexedItem, indexGraph } from './indexed-graph';
import { parseGraph } from './parse';
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDoc, GraphDocSchema, GraphEdgeSchema, GraphNodeSchema } from './schema';

/** parseGraph's result, indexed; `reused` counts the nodes and edges taken over from the parent unparsed. */
export type IndexedParseResult =
  | { ok: true; graph: IndexedGraph; migrated: string[]; reused: number }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * parseGraph for a new version of a design whose previous version (`parent`, already validated)
 * is at hand: a node or edge equal to the parent's one of the same id is taken over as it is —
 * the parent's parsed item and canonical text — and only the others, and the document's own
 * fields, go through the schema. The strictness is parseGraph's: the parent's items passed the
 * same schema, and parsing a parsed item gives it back unchanged. Anything refused, migrated or
 * unusual is handed to parseGraph itself, so the diagnostics are word for word the same.
 *
 * @example
 * const v1 = parseGraphAgainst(first);                 // full parse, indexed
 * const v2 = parseGraphAgainst(edited, v1.graph);      // parses only what changed
 */
export function parseGraphAgainst(input: unknown, parent?: IndexedGraph): IndexedParseResult {
  const quick = parent && LIMITS ? againstParent(input, parent, LIMITS) : undefined;
  if (quick) return quick;
  const full = parseGraph(input);
  if (!full.ok) return full;
  return { ok: true, graph: indexGraph(full.doc), migrated: full.migrated, reused: 0 };
}

type Limits = { nodes: number; edges: number };

/**
 * How many nodes and edges a document may hold, read from the schema — or null when the document
 * schema checks more than its fields and those two lengths (a rule across items, say): then
 * items cannot be checked one by one and every save takes the full parse.
 */
function incrementalLimits(): Limits | null {
  if (GraphDocSchema._zod.def.checks?.length) return null;
  const nodes = maxLength(GraphDocSchema.shape.nodes, GraphNodeSchema);
  const edges = maxLength(GraphDocSchema.shape.edges, GraphEdgeSchema);
  return nodes !== null && edges !== null ? { nodes, edges } : null;
}

function maxLength(array: z.ZodArray, element: z.ZodType): number | null {
  if (array.element !== element) return null;
  let max = Number.POSITIVE_INFINITY;
  for (const check of array._zod.def.checks ?? []) {
    const def = check._zod.def as { check: string; maximum?: number };
    if (def.check !== 'max_length' || typeof def.maximum !== 'number') return null;
    max = Math.min(max, def.maximum);
  }
  return max;
}

const LIMITS = incrementalLimits();

/** The quick path; undefined whenever parseGraph must decide (including every refusal). */
function againstParent(input: unknown, parent: IndexedGraph, limits: Limits): IndexedParseResult | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const raw = input as Record<string, unknown>;
  if (raw.format !== GRAPH_FORMAT || raw.version !== GRAPH_VERSION) return undefined;
  const { nodes, edges } = raw;
  if (!Array.isArray(nodes) || !Array.isArray(edges) || nodes.length > limits.nodes || edges.length > limits.edges) return undefined;
  const nodeHits = nodes.map((node) => unchanged(node, parent.nodes));
  const edgeHits = edges.map((edge) => unchanged(edge, parent.edges));
  // The document's own fields and the changed items, through the very schema of a full parse.
  const rest = GraphDocSchema.safeParse({
    ...raw,
    nodes: nodes.filter((_, i) => !nodeHits[i]),
    edges: edges.filter((_, i) => !edgeHits[i]),
  });
  if (!rest.success) return undefined;
  const merged = { nodes: merge(nodeHits, rest.data.nodes), edges: merge(edgeHits, rest.data.edges) };
  const doc: GraphDoc = { ...rest.data, nodes: merged.nodes.items, edges: merged.edges.items };
  const reused = nodeHits.filter(Boolean).length + edgeHits.filter(Boolean).length;
  return { ok: true, graph: indexGraph(doc, merged.nodes.texts, merged.edges.texts), migrated: [], reused };
}

/** The parent's item when `value` equals it exactly (same id, same fields, same values). */
function unchanged<T>(value: unknown, parent: ReadonlyMap<string, IndexedItem<T>>): IndexedItem<T> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  if (typeof id !== 'string') return undefined;
  const hit = parent.get(id);
  return hit && sameJsonValue(value, hit.item) ? hit : undefined;
}

/** Items in document order: the parent's where reused, freshly parsed ones (in order) elsewhere. */
function merge<T>(hits: readonly (IndexedItem<T> | undefined)[], parsed: readonly T[]): { items: T[]; texts: string[] } {
  const items: T[] = [];
  const texts: string[] = [];
  let next = 0;
  for (const hit of hits) {
    const item = hit ? hit.item : (parsed[next++] as T);
    items.push(item);
    texts.push(hit ? hit.json : canonicalJson(item));
  }
  return { items, texts };
}

/** Deep equality of JSON values: same own keys (any order), same array lengths, identical primitives. */
function sameJsonValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(right, key) || !sameJsonValue(left[key], right[key])) return false;
  }
  return true;
}
