import { diffGraphs, type FieldChange, type GraphDiff } from '@/engine/graph/diff';
import type { GraphDoc } from '@/engine/graph/schema';
import { NODE_HEIGHT, NODE_WIDTH } from '@/engine/import/layout';
import type { LayerFlowNode, ShapeFlowEdge } from './flow-elements';
import { createEditorStore, type EdgeView, edgeView, type NodeView, nodeView } from './store';

/** How a layer or connection differs between the two versions compared. */
export type DiffStatus = 'added' | 'removed' | 'changed' | 'moved' | 'same';

/** The diff status of one node on the diff canvas, with its field changes. */
export interface DiffMark {
  status: DiffStatus;
  changes: FieldChange[];
  /** The node's tag when not the status itself (a comparison of two files says "only here"). */
  tag?: string;
}

export type DiffFlowNode = LayerFlowNode & { data: { view: NodeView; diff: DiffMark } };
/**
 * `labelled: false` for removed connections: one often runs across layers that are still there, and
 * its old shape label would sit on top of them (the change list names it instead). `labelAtTarget`
 * when the middle of the connection lies on a layer (a new connection drawn past a removed layer): the
 * label then sits just above the layer it feeds.
 */
export type DiffFlowEdge = ShapeFlowEdge & { data: { view: EdgeView; diff: DiffStatus; labelled: boolean; labelAtTarget?: boolean } };

export interface DiffGraphView {
  nodes: DiffFlowNode[];
  edges: DiffFlowEdge[];
  diff: GraphDiff;
}

/**
 * Both versions on one canvas: every layer of the newer one (added in green, changed in amber, the
 * rest as they are) and the layers only the older one had (removed, in red, where they were), with
 * the connections of both. Node faces and edge shapes come from each version's own analysis.
 *
 * @example
 * diffGraphView(v1, v2).nodes.find((n) => n.id === 'dense_1')?.data.diff // { status: 'changed', changes: [...] }
 */
export function diffGraphView(before: GraphDoc, after: GraphDoc, diff: GraphDiff = diffGraphs(before, after)): DiffGraphView {
  const old = createEditorStore({ doc: before }).getState();
  const now = createEditorStore({ doc: after }).getState();
  const status = new Map<string, DiffMark>();
  for (const n of diff.nodes.added) status.set(n.id, { status: 'added', changes: [] });
  for (const n of diff.nodes.removed) status.set(n.id, { status: 'removed', changes: [] });
  for (const n of diff.nodes.changed) status.set(n.id, { status: 'changed', changes: n.changes });
  for (const n of diff.nodes.moved) status.set(n.id, { status: 'moved', changes: [] });
  const same: DiffMark = { status: 'same', changes: [] };

  const nodes: DiffFlowNode[] = [];
  const place = (view: NodeView | null, mark: DiffMark) => {
    if (!view) return;
    nodes.push({ id: view.id, type: 'layer', position: view.position, data: { view: { ...view, selected: false }, diff: mark } });
  };
  for (const node of after.nodes) place(nodeView(now, node.id), status.get(node.id) ?? same);
  for (const ref of diff.nodes.removed) place(nodeView(old, ref.id), status.get(ref.id) ?? same);

  const added = new Set(diff.edges.added.map((e) => e.id));
  const boxes = nodes.map((n) => ({ id: n.id, ...n.position }));
  const centre = (id: string) => {
    const at = boxes.find((b) => b.id === id);
    return at ? { x: at.x + NODE_WIDTH / 2, y: at.y + NODE_HEIGHT / 2 } : null;
  };
  /** Whether the middle of a connection falls on a layer other than its two ends. */
  const middleOnLayer = (source: string, target: string) => {
    const a = centre(source);
    const b = centre(target);
    if (!a || !b) return false;
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    return boxes.some(
      (box) =>
        box.id !== source &&
        box.id !== target &&
        mid.x >= box.x &&
        mid.x <= box.x + NODE_WIDTH &&
        mid.y >= box.y &&
        mid.y <= box.y + NODE_HEIGHT,
    );
  };
  const edges: DiffFlowEdge[] = [];
  const connect = (view: EdgeView | null, mark: DiffStatus) => {
    if (!view) return;
    edges.push({
      id: `${mark === 'removed' ? 'removed:' : ''}${view.id}`,
      type: 'shape',
      source: view.source,
      target: view.target,
      sourceHandle: view.sourceHandle,
      targetHandle: view.targetHandle,
      data: {
        view: { ...view, selected: false },
        diff: mark,
        labelled: mark !== 'removed',
        ...(mark !== 'removed' && middleOnLayer(view.source, view.target) ? { labelAtTarget: true } : {}),
      },
    });
  };
  for (const edge of after.edges) connect(edgeView(now, edge.id), added.has(edge.id) ? 'added' : 'same');
  for (const ref of diff.edges.removed) connect(edgeView(old, ref.id), 'removed');
  return { nodes, edges, diff };
}
