import { resolveParams } from '../../../engine/analysis/resolve-params';
import { handleIndex, inputHandle, outputHandle } from '../../../engine/graph/ports';
import type { GraphDoc, GraphEdge, GraphNode } from '../../../engine/graph/schema';
import { layerSpec } from '../../../engine/layers/registry';
import type { EditorState } from './editor-state';

/** The ports a node shows on the canvas, and how many inputs its layer accepts. */
export interface NodePorts {
  /** Input handles, `in:0`…: every port of a fixed-arity layer, or the used ones plus one free for merges. */
  inputs: string[];
  /** Output handles, `out:0`…: one per output tensor (e.g. an LSTM returning its states has three). */
  outputs: string[];
  minInputs: number;
  /** `Infinity` for layers that take any number (Concatenate, Add…). */
  maxInputs: number;
}

/**
 * The input port each incoming edge occupies. Edges with a handle use it; edges without one take the
 * lowest free port in document order, as the engine's topology does.
 */
export function inputPortsOf(doc: GraphDoc, nodeId: string): Map<string, number> {
  const incoming = incomingEdges(doc, nodeId);
  const ports = new Map<string, number>();
  const taken = new Set<number>();
  for (const edge of incoming) {
    const index = handleIndex(edge.targetHandle, 'in');
    if (index !== null && !Number.isNaN(index)) {
      ports.set(edge.id, index);
      taken.add(index);
    }
  }
  let next = 0;
  for (const edge of incoming) {
    if (ports.has(edge.id) || Number.isNaN(handleIndex(edge.targetHandle, 'in'))) continue;
    while (taken.has(next)) next++;
    ports.set(edge.id, next);
    taken.add(next);
  }
  return ports;
}

const incomingIndex = new WeakMap<readonly GraphEdge[], Map<string, GraphEdge[]>>();

/** The edges into a node, in document order (indexed once per edges array). */
export function incomingEdges(doc: GraphDoc, nodeId: string): readonly GraphEdge[] {
  let index = incomingIndex.get(doc.edges);
  if (!index) {
    index = new Map();
    for (const edge of doc.edges) {
      const list = index.get(edge.target);
      if (list) list.push(edge);
      else index.set(edge.target, [edge]);
    }
    incomingIndex.set(doc.edges, index);
  }
  return index.get(nodeId) ?? [];
}

/** The lowest input port of the node nothing is connected to. */
export function freeInputPort(doc: GraphDoc, nodeId: string): number {
  const used = new Set(inputPortsOf(doc, nodeId).values());
  let port = 0;
  while (used.has(port)) port++;
  return port;
}

/** How many output tensors the node has: from the analysis when known, else from its spec and params. */
export function outputCount(state: EditorState, node: GraphNode): number {
  const known = state.analysis.nodes[node.id]?.outputShapes?.length;
  if (known !== undefined) return known;
  const spec = layerSpec(node.type);
  if (!spec?.outputCount) return 1;
  const resolved = resolveParams(spec, node.params);
  if (!resolved.ok) return 1;
  try {
    return spec.outputCount(resolved.params);
  } catch {
    return 1;
  }
}

/** The handles a node draws, derived from its spec's input contract and its connections. */
export function nodePorts(state: EditorState, node: GraphNode): NodePorts {
  const spec = layerSpec(node.type);
  const used = [...inputPortsOf(state.doc, node.id).values()];
  const highest = used.length > 0 ? Math.max(...used) : -1;
  const minInputs = spec?.inputs.min ?? 0;
  const maxInputs = spec?.inputs.max ?? Number.POSITIVE_INFINITY;
  const count = Number.isFinite(maxInputs) ? maxInputs : Math.max(minInputs, highest + 2);
  return {
    inputs: Array.from({ length: count }, (_, i) => inputHandle(i)),
    outputs: Array.from({ length: outputCount(state, node) }, (_, i) => outputHandle(i)),
    minInputs,
    maxInputs,
  };
}

/** The handles an edge is drawn between: its own, or `out:0` and the port it implicitly occupies. */
export function edgeHandles(doc: GraphDoc, edge: GraphEdge): { sourceHandle: string; targetHandle: string } {
  const port = inputPortsOf(doc, edge.target).get(edge.id) ?? 0;
  return { sourceHandle: edge.sourceHandle ?? outputHandle(0), targetHandle: edge.targetHandle ?? inputHandle(port) };
}
