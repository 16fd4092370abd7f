import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDoc, type GraphEdge, type GraphNode } from '../../engine/graph/schema';

/** A node at the origin; `extra` sets name, trainable or groupId. */
export function node(id: string, type: string, params: Record<string, unknown> = {}, extra: Partial<GraphNode> = {}): GraphNode {
  return { id, type, params, position: { x: 0, y: 0 }, ...extra };
}

/**
 * An edge from `source` to `target`, optionally from output port `from` into input port `to`; its id
 * is `source->target` unless given.
 */
export function edge(source: string, target: string, options: { id?: string; from?: number; to?: number } = {}): GraphEdge {
  const result: GraphEdge = { id: options.id ?? `${source}->${target}`, source, target };
  if (options.from !== undefined) result.sourceHandle = `out:${options.from}`;
  if (options.to !== undefined) result.targetHandle = `in:${options.to}`;
  return result;
}

/** A current-version graph document. */
export function graph(nodes: GraphNode[], edges: GraphEdge[], extra: Partial<GraphDoc> = {}): GraphDoc {
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes, edges, ...extra };
}

/** `input → layer₁ → layer₂ …`, each layer fed by the previous one; node ids are `n0`, `n1`, … */
export function chain(inputShape: (number | null)[], layers: [type: string, params?: Record<string, unknown>][]): GraphDoc {
  const nodes = [node('n0', 'input', { shape: inputShape })];
  const edges: GraphEdge[] = [];
  layers.forEach(([type, params], i) => {
    nodes.push(node(`n${i + 1}`, type, params ?? {}));
    edges.push(edge(`n${i}`, `n${i + 1}`));
  });
  return graph(nodes, edges);
}
