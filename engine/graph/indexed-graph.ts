import { canonicalDocJson, canonicalJson } from './canonical-json';
import type { GraphDoc, GraphEdge, GraphNode } from './schema';

/** One validated node or edge with its canonical JSON text. */
export interface IndexedItem<T> {
  item: T;
  json: string;
}

/**
 * A validated graph document with its canonical JSON, and each node's and edge's own canonical
 * text by id: what the next version of the same design is validated and serialized against
 * (see parse-against.ts), so that an edit of one layer costs one layer, not the whole document.
 */
export interface IndexedGraph {
  doc: GraphDoc;
  /** canonicalJson(doc): the text a content hash is computed over. */
  json: string;
  nodes: ReadonlyMap<string, IndexedItem<GraphNode>>;
  edges: ReadonlyMap<string, IndexedItem<GraphEdge>>;
}

/** Indexes a document that parseGraph accepted (texts given where already known, in item order). */
export function indexGraph(
  doc: GraphDoc,
  nodeTexts = doc.nodes.map(canonicalJson),
  edgeTexts = doc.edges.map(canonicalJson),
): IndexedGraph {
  return {
    doc,
    json: canonicalDocJson(doc, nodeTexts, edgeTexts),
    nodes: byId(doc.nodes, nodeTexts),
    edges: byId(doc.edges, edgeTexts),
  };
}

function byId<T extends { id: string }>(items: readonly T[], texts: readonly string[]): Map<string, IndexedItem<T>> {
  const map = new Map<string, IndexedItem<T>>();
  items.forEach((item, i) => {
    // With duplicate ids (which the schema allows) the first one is kept: any one of them is a valid reference.
    if (!map.has(item.id)) map.set(item.id, { item, json: texts[i] as string });
  });
  return map;
}
