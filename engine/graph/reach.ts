import type { GraphDoc, GraphEdge } from './schema';

/** Which layers feed a layer, and which it feeds, following the connections. */

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
