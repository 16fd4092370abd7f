import type { ModelComparison } from '@/engine/compare/compare-models';
import type { GraphDoc } from '@/engine/graph/schema';
import { NODE_WIDTH } from '@/engine/import/layout';
import type { DiffFlowEdge, DiffFlowNode, DiffMark } from './diff-graph-view';
import { createEditorStore, edgeView, nodeView } from './store';

export interface CompareGraphView {
  nodes: DiffFlowNode[];
  edges: DiffFlowEdge[];
}

/** Space between the two columns, in canvas units. */
const GAP = 220;

/** The node id of a layer of side `side` on the comparison canvas (both sides may use the same ids). */
export const compareNodeId = (side: 'a' | 'b', id: string) => `${side}:${id}`;

/**
 * Two models side by side on one canvas, each with its own layout: A on the left, B on the right.
 * Matched layers that differ are amber on both sides (with their changed settings), layers only A
 * has are red, only B has green, layers in an equivalent form (a fused activation, a Dropout) and
 * the layers that agree are drawn plain. Faces and shapes come from each side's own analysis.
 *
 * @example
 * compareGraphView(design, imported, compareModels({ doc: design }, { doc: imported }), { a: 'Design', b: 'model.onnx' });
 */
export function compareGraphView(
  a: GraphDoc,
  b: GraphDoc,
  comparison: ModelComparison,
  labels: { a: string; b: string },
): CompareGraphView {
  const marks = { a: new Map<string, DiffMark>(), b: new Map<string, DiffMark>() };
  for (const m of comparison.matches) {
    if (m.status !== 'changed') continue;
    marks.a.set(m.a.id, { status: 'changed', changes: m.changes });
    marks.b.set(m.b.id, { status: 'changed', changes: m.changes.map((c) => ({ ...c, before: c.after, after: c.before })) });
  }
  for (const l of comparison.onlyA) marks.a.set(l.id, { status: 'removed', changes: [], tag: `only in ${labels.a}` });
  for (const l of comparison.onlyB) marks.b.set(l.id, { status: 'added', changes: [], tag: `only in ${labels.b}` });
  const same: DiffMark = { status: 'same', changes: [] };

  const left = bounds(a);
  const right = bounds(b);
  const offset = { a: { x: -left.minX, y: -left.minY }, b: { x: left.maxX - left.minX + NODE_WIDTH + GAP - right.minX, y: -right.minY } };
  const nodes: DiffFlowNode[] = [];
  const edges: DiffFlowEdge[] = [];
  for (const [side, doc] of [
    ['a', a],
    ['b', b],
  ] as const) {
    const state = createEditorStore({ doc }).getState();
    const shift = offset[side];
    for (const node of doc.nodes) {
      const view = nodeView(state, node.id);
      if (!view) continue;
      const id = compareNodeId(side, node.id);
      const position = { x: view.position.x + shift.x, y: view.position.y + shift.y };
      nodes.push({ id, type: 'layer', position, data: { view: { ...view, id, selected: false }, diff: marks[side].get(node.id) ?? same } });
    }
    for (const edge of doc.edges) {
      const view = edgeView(state, edge.id);
      if (!view) continue;
      const source = compareNodeId(side, view.source);
      const target = compareNodeId(side, view.target);
      edges.push({
        id: compareNodeId(side, view.id),
        type: 'shape',
        source,
        target,
        sourceHandle: view.sourceHandle,
        targetHandle: view.targetHandle,
        data: { view: { ...view, id: compareNodeId(side, view.id), source, target, selected: false }, diff: 'same', labelled: true },
      });
    }
  }
  return { nodes, edges };
}

function bounds(doc: GraphDoc): { minX: number; maxX: number; minY: number } {
  if (doc.nodes.length === 0) return { minX: 0, maxX: 0, minY: 0 };
  const xs = doc.nodes.map((n) => n.position.x);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...doc.nodes.map((n) => n.position.y)) };
}
