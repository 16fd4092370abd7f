import type { GraphDoc, GraphEdge, GraphNode } from '../../../engine/graph/schema';
import { NODE_HEIGHT } from '../../../engine/import/layout';

export { freshEdgeId, freshId } from '../../../engine/graph/fresh-ids';
export { downstream, upstream } from '../../../engine/graph/reach';
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

export function nodeIds(doc: GraphDoc): Set<string> {
  return new Set(doc.nodes.map((n) => n.id));
}

export function edgeIds(doc: GraphDoc): Set<string> {
  return new Set(doc.edges.map((e) => e.id));
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

/** The layer a one-layer command acts on: `nodeId` when given, else the only selected layer; undefined when neither exists. */
export function oneLayer(doc: GraphDoc, selection: readonly string[], nodeId?: string): string | undefined {
  const id = nodeId ?? (selection.length === 1 ? selection[0] : undefined);
  return id !== undefined && findNode(doc, id) ? id : undefined;
}
