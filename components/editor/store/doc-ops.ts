import type { GraphDoc, GraphEdge, GraphNode } from '../../../engine/graph/schema';
import { NODE_HEIGHT } from '../../../engine/import/layout';

export { setIn } from '../../forms/set-in';

/** Small lookups and id helpers the commands share; the changes they build are in `change-ops.ts`. */

/** Vertical distance between two layers placed one after the other. */
export const ROW_GAP = NODE_HEIGHT + 50;

const indexes = new WeakMap<readonly GraphNode[], Map<string, GraphNode>>();

/** The node with this id (lookup table cached per nodes array). */
export function findNode(doc: GraphDoc, id: string): GraphNode | undefined {
  let index = indexes.get(doc.nodes);
  if (!index) {
    index = new Map(doc.nodes.map((n) => [n.id, n]));
    indexes.set(doc.nodes, index);
  }
  return index.get(id);
}

const edgeIndexes = new WeakMap<readonly GraphEdge[], Map<string, GraphEdge>>();

/** The edge with this id (lookup table cached per edges array). */
export function findEdge(doc: GraphDoc, id: string): GraphEdge | undefined {
  let index = edgeIndexes.get(doc.edges);
  if (!index) {
    index = new Map(doc.edges.map((e) => [e.id, e]));
    edgeIndexes.set(doc.edges, index);
  }
  return index.get(id);
}

/** `${base}_${n}` for the smallest n ≥ 1 not in `taken`; adds the result to `taken`. */
export function freshId(base: string, taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${base}_${n}`)) n++;
  const id = `${base}_${n}`;
  taken.add(id);
  return id;
}

/** An edge id in the style of the templates (`a->b`), made unique with a `#n` suffix when needed. */
export function freshEdgeId(source: string, target: string, taken: Set<string>): string {
  let id = `${source}->${target}`;
  for (let n = 2; taken.has(id); n++) id = `${source}->${target}#${n}`;
  taken.add(id);
  return id;
}

export function nodeIds(doc: GraphDoc): Set<string> {
  return new Set(doc.nodes.map((n) => n.id));
}

export function edgeIds(doc: GraphDoc): Set<string> {
  return new Set(doc.edges.map((e) => e.id));
}

/** Every node reachable from `start` along edges (not including `start` unless on a cycle). */
export function downstream(doc: GraphDoc, start: string): Set<string> {
  return reach(
    doc,
    start,
    (e) => e.source,
    (e) => e.target,
  );
}

/** Every node from which `start` can be reached. */
export function upstream(doc: GraphDoc, start: string): Set<string> {
  return reach(
    doc,
    start,
    (e) => e.target,
    (e) => e.source,
  );
}

function reach(doc: GraphDoc, start: string, from: (e: GraphEdge) => string, to: (e: GraphEdge) => string): Set<string> {
  const adjacent = new Map<string, string[]>();
  for (const edge of doc.edges) {
    const list = adjacent.get(from(edge));
    if (list) list.push(to(edge));
    else adjacent.set(from(edge), [to(edge)]);
  }
  const seen = new Set<string>();
  const stack = [...(adjacent.get(start) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(adjacent.get(id) ?? []));
  }
  return seen;
}

/** The ids in `ids` that name nodes of the document, deduplicated, in document order. */
export function existingNodes(doc: GraphDoc, ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  return doc.nodes.filter((n) => wanted.has(n.id)).map((n) => n.id);
}

/** `true` for values that survive a JSON round trip unchanged (what a graph document may hold). */
export function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value as Record<string, unknown>).every((v) => v === undefined || isJsonValue(v));
  }
  return false;
}
