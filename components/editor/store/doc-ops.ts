import type { GraphDoc, GraphEdge, GraphGroup, GraphNode } from '../../../engine/graph/schema';
import { NODE_HEIGHT } from '../../../engine/import/layout';

export { setIn } from '../../forms/set-in';

/**
 * Small immutable helpers the commands share. Every function returns new arrays only where something
 * changed and keeps the identity of untouched nodes, edges and params, which is what lets the
 * analysis reuse its work for them.
 */

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

/** Applies `change` to the listed nodes; other nodes keep their identity. Returns `doc` when nothing changed. */
export function updateNodes(doc: GraphDoc, ids: ReadonlySet<string>, change: (node: GraphNode) => GraphNode): GraphDoc {
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    if (!ids.has(node.id)) return node;
    const next = change(node);
    if (next !== node) changed = true;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

/**
 * Removes nodes, the edges touching them, the listed edges, their entries in `outputs`, and groups
 * that lose their last member.
 */
export function removeFromDoc(doc: GraphDoc, nodes: ReadonlySet<string>, edges: ReadonlySet<string> = new Set()): GraphDoc {
  if (nodes.size === 0 && edges.size === 0) return doc;
  const next: GraphDoc = {
    ...doc,
    nodes: doc.nodes.filter((n) => !nodes.has(n.id)),
    edges: doc.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  };
  if (doc.outputs) next.outputs = doc.outputs.filter((ref) => !nodes.has(ref.replace(/:\d+$/, '')) && !nodes.has(ref));
  return pruneEmptyGroups(doc, next);
}

/** Drops groups that had members in `before` and have none in `after` (groups saved empty are left alone). */
export function pruneEmptyGroups(before: GraphDoc, after: GraphDoc): GraphDoc {
  if (!after.groups || after.groups.length === 0) return after;
  const had = new Set(before.nodes.flatMap((n) => (n.groupId ? [n.groupId] : [])));
  const has = new Set(after.nodes.flatMap((n) => (n.groupId ? [n.groupId] : [])));
  const groups = after.groups.filter((g) => !had.has(g.id) || has.has(g.id));
  if (groups.length === after.groups.length) return after;
  return withGroups(after, groups);
}

/** The document with this group list; an empty list removes the key so documents stay minimal. */
export function withGroups(doc: GraphDoc, groups: GraphGroup[]): GraphDoc {
  if (groups.length > 0) return { ...doc, groups };
  const { groups: _dropped, ...rest } = doc;
  return rest;
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
