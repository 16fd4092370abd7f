import type { Diagnostic } from '../diagnostics';
import { handleIndex } from './ports';
import type { GraphDoc, GraphEdge, GraphNode } from './schema';

/** A node's incoming edges in port order, and the indexes of the nodes in topological order. */
export interface Topology {
  /** Node ids in an order where every node comes after all of its inputs; nodes on a cycle are left out. */
  order: string[];
  /** Incoming edges per node id, sorted by input port. */
  incoming: Map<string, GraphEdge[]>;
  /** Outgoing edges per node id, in document order. */
  outgoing: Map<string, GraphEdge[]>;
  /** Ids of nodes that sit on (or behind) a cycle. */
  cyclic: Set<string>;
  diagnostics: Diagnostic[];
}

/**
 * Orders the nodes so each comes after its inputs (Kahn's algorithm; among the nodes that are ready,
 * the earliest in the document goes first, so a sorted document keeps its order) and reports duplicate
 * ids, edges that point nowhere, malformed handles and cycles. Never throws.
 */
export function topology(doc: GraphDoc): Topology {
  const diagnostics: Diagnostic[] = [];
  const ids = new Set<string>();
  for (const node of doc.nodes) {
    if (ids.has(node.id)) {
      diagnostics.push({
        code: 'duplicate_id',
        severity: 'error',
        nodeId: node.id,
        message: `Node id "${node.id}" is used twice.`,
        hint: 'Give every node its own id.',
      });
    }
    ids.add(node.id);
  }
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const id of ids) {
    incoming.set(id, []);
    outgoing.set(id, []);
  }
  const edgeIds = new Set<string>();
  for (const edge of doc.edges) {
    if (edgeIds.has(edge.id)) {
      diagnostics.push({
        code: 'duplicate_id',
        severity: 'error',
        edgeId: edge.id,
        message: `Edge id "${edge.id}" is used twice.`,
        hint: 'Give every connection its own id.',
      });
      continue;
    }
    edgeIds.add(edge.id);
    const missing = [edge.source, edge.target].filter((id) => !ids.has(id));
    if (missing.length > 0) {
      diagnostics.push({
        code: 'dangling_edge',
        severity: 'error',
        edgeId: edge.id,
        message: `Connection ${edge.id} points at ${missing.map((m) => `"${m}"`).join(' and ')}, which does not exist.`,
        hint: 'Delete the connection or reconnect it.',
      });
      continue;
    }
    const badHandle = Number.isNaN(handleIndex(edge.sourceHandle, 'out'))
      ? edge.sourceHandle
      : Number.isNaN(handleIndex(edge.targetHandle, 'in'))
        ? edge.targetHandle
        : undefined;
    if (badHandle !== undefined) {
      diagnostics.push({
        code: 'bad_port',
        severity: 'error',
        edgeId: edge.id,
        nodeId: edge.target,
        message: `Connection ${edge.id} uses an unknown port "${badHandle}".`,
        hint: 'Ports are named in:N and out:N.',
      });
      continue;
    }
    incoming.get(edge.target)?.push(edge);
    outgoing.get(edge.source)?.push(edge);
  }
  for (const list of incoming.values()) sortByPort(list);

  const position = new Map<string, number>();
  doc.nodes.forEach((node, i) => {
    if (!position.has(node.id)) position.set(node.id, i);
  });
  const indegree = new Map<string, number>();
  for (const [id, list] of incoming) indegree.set(id, list.length);
  // Ready nodes leave in document order, so a document that is already sorted keeps its order.
  const ready = new MinHeap();
  for (const [id, degree] of indegree) if (degree === 0) ready.push(position.get(id) ?? 0);
  const order: string[] = [];
  for (let index = ready.pop(); index !== undefined; index = ready.pop()) {
    const id = (doc.nodes[index] as GraphNode).id;
    order.push(id);
    for (const edge of outgoing.get(id) ?? []) {
      const left = (indegree.get(edge.target) ?? 0) - 1;
      indegree.set(edge.target, left);
      if (left === 0) ready.push(position.get(edge.target) ?? 0);
    }
  }
  const seen = new Set(order);
  const cyclic = new Set<string>();
  for (const id of ids) if (!seen.has(id)) cyclic.add(id);
  if (cyclic.size > 0) {
    const onLoop = findLoop(cyclic, incoming);
    for (const id of onLoop) {
      diagnostics.push({
        code: 'cycle',
        severity: 'error',
        nodeId: id,
        message: `This layer is part of a loop: ${onLoop.join(' → ')} → ${onLoop[0]}.`,
        hint: 'Networks flow one way. Remove one of the connections in the loop.',
      });
    }
  }
  return { order, incoming, outgoing, cyclic, diagnostics };
}

function sortByPort(edges: GraphEdge[]): void {
  const keyed = edges.map((edge, i) => ({ edge, key: handleIndex(edge.targetHandle, 'in') ?? 10000 + i }));
  keyed.sort((a, b) => a.key - b.key);
  keyed.forEach((k, i) => {
    edges[i] = k.edge;
  });
}

/**
 * One actual loop among the unsorted nodes (they may also include nodes merely downstream of it).
 * Walking backwards always finds one: every unsorted node has an unsorted input, or it would be sorted.
 */
function findLoop(cyclic: Set<string>, incoming: Map<string, GraphEdge[]>): string[] {
  const path: string[] = [];
  const position = new Map<string, number>();
  let current: string | undefined = cyclic.values().next().value;
  while (current !== undefined && !position.has(current)) {
    position.set(current, path.length);
    path.push(current);
    current = (incoming.get(current) ?? []).map((e) => e.source).find((s) => cyclic.has(s));
  }
  if (current === undefined) return path.slice(0, 1);
  return path.slice(position.get(current)).reverse();
}

/** A binary min-heap of document indexes: the ready node that comes first in the document. */
class MinHeap {
  private readonly items: number[] = [];

  push(value: number): void {
    const items = this.items;
    items.push(value);
    for (let i = items.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if ((items[up] as number) <= value) break;
      items[i] = items[up] as number;
      items[up] = value;
      i = up;
    }
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < items.length && (items[l] as number) < (items[min] as number)) min = l;
      if (r < items.length && (items[r] as number) < (items[min] as number)) min = r;
      if (min === i) break;
      [items[i], items[min]] = [items[min] as number, items[i] as number];
      i = min;
    }
    return top;
  }
}
