import type { GraphDoc } from '../graph/schema';

/**
 * The graph up to and including the layer named `layerName` (its id or display name): that layer
 * and everything it depends on; every layer after it, and any branch it does not need, is removed.
 * Returns undefined when no layer has that name. Pure: the input is not changed.
 *
 * @example
 * const backbone = cutAfter(mobilenet, 'out_relu'); // ends with a 7×7×1280 feature map
 */
export function cutAfter(doc: GraphDoc, layerName: string): GraphDoc | undefined {
  const last = doc.nodes.find((n) => n.id === layerName) ?? doc.nodes.find((n) => n.name === layerName);
  if (!last) return undefined;
  const inputsOf = new Map<string, string[]>();
  for (const edge of doc.edges) inputsOf.set(edge.target, [...(inputsOf.get(edge.target) ?? []), edge.source]);
  const keep = new Set<string>();
  const stack = [last.id];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (keep.has(id)) continue;
    keep.add(id);
    stack.push(...(inputsOf.get(id) ?? []));
  }
  const nodes = doc.nodes.filter((n) => keep.has(n.id));
  const groupIds = new Set(nodes.map((n) => n.groupId).filter(Boolean));
  return {
    ...doc,
    nodes,
    edges: doc.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
    ...(doc.groups ? { groups: doc.groups.filter((g) => groupIds.has(g.id)) } : {}),
  };
}
