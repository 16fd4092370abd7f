import type { Analysis } from '../../../../engine/analysis/types';
import type { Diagnostic } from '../../../../engine/diagnostics';
import type { GraphEdge, GraphNode } from '../../../../engine/graph/schema';
import { layerSpec } from '../../../../engine/layers/registry';
import type { LayerCategory } from '../../../../engine/layers/spec';
import { formatShape, type Shape } from '../../../../engine/shape';
import { findEdge, findNode } from '../doc-ops';
import { type EditorState, isSelected } from '../editor-state';
import { edgeHandles, type NodePorts, nodePorts } from '../node-ports';

/** Everything the generic layer node draws, derived from the document, the spec and the analysis. */
export interface NodeView {
  id: string;
  type: string;
  /** The layer type's label, e.g. "Conv2D" (the type id for unknown types). */
  label: string;
  category: LayerCategory | null;
  /** What the node is called: its name, else its TF.js layer name. */
  name: string;
  layerName: string;
  /** A few words for the node face from the spec, e.g. `32 · 3×3 · relu`; empty when params are invalid. */
  summary: string;
  outputShapes: Shape[] | null;
  /** Keras-style text of each output shape, e.g. `(None, 28, 28, 1)`. */
  outputLabels: string[];
  /** All weights of the layer, or `null` when they cannot be counted yet. */
  paramCount: number | null;
  trainable: boolean;
  /** `warning`: ok but with warnings; `blocked`: an upstream problem leaves it without shapes. */
  status: 'ok' | 'warning' | 'error' | 'blocked';
  diagnostics: Diagnostic[];
  ports: NodePorts;
  position: { x: number; y: number };
  groupId?: string;
  selected: boolean;
}

/** One connection as the canvas draws it: its handles, the tensor shape on it, and whether it is at fault. */
export interface EdgeView {
  id: string;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
  shape: Shape | null;
  /** The shape as a label, `(None, 28, 28, 1)`; empty when unknown. */
  label: string;
  /** `false` draws the edge red. */
  ok: boolean;
  diagnostics: Diagnostic[];
  selected: boolean;
}

const byNode = new WeakMap<Analysis, Map<string, Diagnostic[]>>();
const byEdge = new WeakMap<Analysis, Map<string, Diagnostic[]>>();

/** The analysis's diagnostics about one node (indexed once per analysis). */
export function nodeDiagnostics(analysis: Analysis, nodeId: string): Diagnostic[] {
  return indexed(byNode, analysis, (d) => d.nodeId).get(nodeId) ?? [];
}

export function edgeDiagnostics(analysis: Analysis, edgeId: string): Diagnostic[] {
  return indexed(byEdge, analysis, (d) => d.edgeId).get(edgeId) ?? [];
}

function indexed(cache: WeakMap<Analysis, Map<string, Diagnostic[]>>, analysis: Analysis, key: (d: Diagnostic) => string | undefined) {
  let index = cache.get(analysis);
  if (!index) {
    index = new Map();
    for (const diagnostic of analysis.diagnostics) {
      const id = key(diagnostic);
      if (id === undefined) continue;
      const list = index.get(id);
      if (list) list.push(diagnostic);
      else index.set(id, [diagnostic]);
    }
    cache.set(analysis, index);
  }
  return index;
}

const views = new WeakMap<GraphNode, { view: NodeView; deps: unknown[] }>();

/**
 * The view of one node, or `null` for an unknown id. Memoized per node: while the node, its analysis,
 * its diagnostics, ports and selection are unchanged the same object comes back, so memoized node
 * components skip rendering.
 *
 * @example
 * nodeView(state, 'conv2d_1')?.outputLabels // ['(None, 28, 28, 6)']
 */
export function nodeView(state: EditorState, id: string): NodeView | null {
  const node = findNode(state.doc, id);
  if (!node) return null;
  const result = state.analysis.nodes[id];
  const diagnostics = nodeDiagnostics(state.analysis, id);
  const ports = nodePorts(state, node);
  const selected = isSelected(state.selection, id);
  const deps = [result, selected, ports.inputs.length, ports.outputs.length, ...diagnostics];
  const cached = views.get(node);
  if (cached && cached.deps.length === deps.length && cached.deps.every((d, i) => d === deps[i])) return cached.view;

  const spec = layerSpec(node.type);
  const hasError = diagnostics.some((d) => d.severity === 'error');
  const status =
    hasError || result?.status === 'error' ? 'error' : result?.status === 'blocked' ? 'blocked' : diagnostics.length > 0 ? 'warning' : 'ok';
  const count = result?.paramCount;
  const view: NodeView = {
    id,
    type: node.type,
    label: spec?.label ?? node.type,
    category: spec?.category ?? null,
    name: node.name ?? result?.layerName ?? id,
    layerName: result?.layerName ?? id,
    summary: summaryOf(node, result?.params ?? null),
    outputShapes: result?.outputShapes ?? null,
    outputLabels: (result?.outputShapes ?? []).map((s) => formatShape(s)),
    paramCount: count ? count.trainable + count.nonTrainable : null,
    trainable: node.trainable !== false,
    status,
    diagnostics,
    ports,
    position: node.position,
    ...(node.groupId !== undefined ? { groupId: node.groupId } : {}),
    selected,
  };
  views.set(node, { view, deps });
  return view;
}

function summaryOf(node: GraphNode, params: Record<string, unknown> | null): string {
  const spec = layerSpec(node.type);
  if (!spec?.summary || !params) return '';
  try {
    return spec.summary(params);
  } catch {
    return '';
  }
}

const edgeViews = new WeakMap<GraphEdge, { view: EdgeView; deps: unknown[] }>();

/** The view of one connection, or `null` for an unknown id. Memoized per edge like `nodeView`. */
export function edgeView(state: EditorState, id: string): EdgeView | null {
  const edge = findEdge(state.doc, id);
  if (!edge) return null;
  const result = state.analysis.edges[id];
  const shape = result?.shape ?? null;
  const handles = edgeHandles(state.doc, edge);
  const selected = isSelected(state.selection, id, 'edges');
  const diagnostics = edgeDiagnostics(state.analysis, id);
  const deps = [shape, result?.ok, handles.sourceHandle, handles.targetHandle, selected, ...diagnostics];
  const cached = edgeViews.get(edge);
  if (cached && cached.deps.length === deps.length && cached.deps.every((d, i) => d === deps[i])) return cached.view;
  const view: EdgeView = {
    id,
    source: edge.source,
    target: edge.target,
    ...handles,
    shape,
    label: shape ? formatShape(shape) : '',
    ok: result?.ok ?? false,
    diagnostics,
    selected,
  };
  edgeViews.set(edge, { view, deps });
  return view;
}
