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
  /** Ids of nodes that sit on (or behind) a cycle: they are left out of `order`. */
  cyclic: Set<string>;
  /** Ids of the nodes that are themselves on a loop (the rest of `cyclic` only sits downstream of one). */
  onCycle: Set<string>;
  /** For each node on a loop, which loop (strongly connected component) it belongs to. */
  loopOf: Map<string, number>;
  diagnostics: Diagnostic[];
}

/**
 * Orders the nodes so each comes after its inputs (Kahn's algorithm; among the nodes that are ready,
 * the earliest in the document goes first, so a sorted document keeps its order) and reports duplicate
 * ids, edges that point nowhere, malformed handles and every loop. Never throws.
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
  const sorted = new Set(order);
  const cyclic = new Set<string>();
  for (const id of ids) if (!sorted.has(id)) cyclic.add(id);
  const onCycle = new Map<string, number>();
  for (const [k, component] of loopComponents(cyclic, outgoing).entries()) {
    for (const id of component) onCycle.set(id, k);
    const members = new Set(component);
    const named = new Set<string>();
    for (const start of component) {
      if (named.has(start)) continue;
      const loop = loopThrough(start, members, outgoing);
      for (const id of loop) {
        if (named.has(id)) continue;
        named.add(id);
        const from = loop.indexOf(id);
        const path = [...loop.slice(from), ...loop.slice(0, from), id];
        diagnostics.push({
          code: 'cycle',
          severity: 'error',
          nodeId: id,
          message: `This layer is part of a loop: ${path.join(' → ')}.`,
          hint: 'Networks flow one way. Remove one of the connections in the loop.',
        });
      }
    }
  }
  return { order, incoming, outgoing, cyclic, onCycle: new Set(onCycle.keys()), loopOf: onCycle, diagnostics };
}

function sortByPort(edges: GraphEdge[]): void {
  const keyed = edges.map((edge, i) => ({ edge, key: handleIndex(edge.targetHandle, 'in') ?? 10000 + i }));
  keyed.sort((a, b) => a.key - b.key);
  keyed.forEach((k, i) => {
    edges[i] = k.edge;
  });
}

/**
 * The strongly connected components among the unsorted nodes that hold a loop (more than one node,
 * or one that feeds itself), by Tarjan's algorithm without recursion, so long loops cannot overflow
 * the stack. Unsorted nodes outside them merely sit downstream of a loop.
 */
function loopComponents(cyclic: Set<string>, outgoing: Map<string, GraphEdge[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const next = (id: string) => (outgoing.get(id) ?? []).map((e) => e.target).filter((t) => cyclic.has(t));
  for (const root of cyclic) {
    if (index.has(root)) continue;
    const frames: { id: string; targets: string[]; i: number }[] = [];
    const visit = (id: string) => {
      index.set(id, index.size);
      low.set(id, index.get(id) as number);
      stack.push(id);
      onStack.add(id);
      frames.push({ id, targets: next(id), i: 0 });
    };
    visit(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { id: string; targets: string[]; i: number };
      const target = frame.targets[frame.i++];
      if (target !== undefined) {
        if (!index.has(target)) visit(target);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(target) as number));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      if (component.length > 1 || next(frame.id).includes(frame.id)) components.push(component.reverse());
    }
  }
  return components;
}

/** The shortest loop from `start` back to itself inside one component (breadth-first). */
function loopThrough(start: string, members: Set<string>, outgoing: Map<string, GraphEdge[]>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    for (const edge of outgoing.get(id) ?? []) {
      if (!members.has(edge.target)) continue;
      if (edge.target === start) {
        const path = [id];
        for (let at = id; at !== start; at = parent.get(at) as string) path.push(parent.get(at) as string);
        return path.reverse();
      }
      if (!parent.has(edge.target)) {
        parent.set(edge.target, id);
        queue.push(edge.target);
      }
    }
  }
  return [start];
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
