import type { GraphEdge, GraphGroup } from '../../../../engine/graph/schema';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../../engine/import/layout';
import type { EditorState } from '../editor-state';
import { edgeHandles } from '../node-ports';
import { nodeDiagnostics } from './node-view';

/** A block (group) as the canvas draws it: a frame around its layers, or one box when collapsed. */
export interface GroupView {
  id: string;
  name: string;
  collapsed: boolean;
  nodeIds: string[];
  /** The box around the members (node size from the layout constants), with a margin. */
  bounds: { x: number; y: number; width: number; height: number };
  /** Weights of all members; `null` when some are unknown. */
  params: number | null;
  /** Worst status among the members. */
  status: 'ok' | 'warning' | 'error';
  /** Every layer of the block is frozen (keeps its weights in training). */
  frozen: boolean;
  /** Connections entering and leaving the block. */
  inputs: number;
  outputs: number;
  /** Every member is selected. */
  selected: boolean;
}

/** What the canvas shows once collapsed blocks stand in for their layers. */
export interface VisibleGraph {
  nodes: ({ kind: 'layer'; id: string } | { kind: 'group'; id: string; position: { x: number; y: number } })[];
  /** Edges between visible things; an edge into a collapsed block lands on the block's `in:0` / `out:0`. */
  edges: { id: string; source: string; target: string; sourceHandle: string; targetHandle: string }[];
}

const MARGIN = 24;

/** One view per group of the document that has members, in document order. */
export function groupViews(state: EditorState): GroupView[] {
  const selected = new Set(state.selection.nodes);
  return (state.doc.groups ?? []).flatMap((group): GroupView[] => {
    const members = state.doc.nodes.filter((n) => n.groupId === group.id);
    if (members.length === 0) return [];
    const ids = new Set(members.map((m) => m.id));
    const xs = members.map((m) => m.position.x);
    const ys = members.map((m) => m.position.y);
    const x = Math.min(...xs) - MARGIN;
    const y = Math.min(...ys) - MARGIN;
    let params: number | null = 0;
    let status: GroupView['status'] = 'ok';
    for (const member of members) {
      const count = state.analysis.nodes[member.id]?.paramCount;
      params = params === null || !count ? null : params + count.trainable + count.nonTrainable;
      const diagnostics = nodeDiagnostics(state.analysis, member.id);
      if (diagnostics.some((d) => d.severity === 'error') || state.analysis.nodes[member.id]?.status === 'error') status = 'error';
      else if (diagnostics.length > 0 && status === 'ok') status = 'warning';
    }
    return [
      {
        id: group.id,
        name: group.name,
        collapsed: group.collapsed,
        nodeIds: members.map((m) => m.id),
        bounds: { x, y, width: Math.max(...xs) + NODE_WIDTH + MARGIN - x, height: Math.max(...ys) + NODE_HEIGHT + MARGIN - y },
        params,
        status,
        frozen: members.every((m) => m.trainable === false),
        inputs: state.doc.edges.filter((e) => ids.has(e.target) && !ids.has(e.source)).length,
        outputs: state.doc.edges.filter((e) => ids.has(e.source) && !ids.has(e.target)).length,
        selected: members.every((m) => selected.has(m.id)),
      },
    ];
  });
}

/**
 * The nodes and edges to draw: layers of collapsed blocks are replaced by the block, edges inside a
 * collapsed block are hidden, and edges crossing its border are rerouted to it.
 */
export function visibleGraph(state: EditorState): VisibleGraph {
  const collapsed = new Map<string, GraphGroup>((state.doc.groups ?? []).filter((g) => g.collapsed).map((g) => [g.id, g]));
  const hiddenIn = new Map<string, string>();
  for (const node of state.doc.nodes) if (node.groupId && collapsed.has(node.groupId)) hiddenIn.set(node.id, node.groupId);
  const views = new Map(groupViews(state).map((g) => [g.id, g]));
  const nodes: VisibleGraph['nodes'] = [];
  const shown = new Set<string>();
  for (const node of state.doc.nodes) {
    const group = hiddenIn.get(node.id);
    if (group === undefined) nodes.push({ kind: 'layer', id: node.id });
    else if (!shown.has(group)) {
      shown.add(group);
      const bounds = views.get(group)?.bounds ?? { x: node.position.x, y: node.position.y };
      nodes.push({ kind: 'group', id: group, position: { x: bounds.x, y: bounds.y } });
    }
  }
  const edges = state.doc.edges.flatMap((edge: GraphEdge) => {
    const source = hiddenIn.get(edge.source);
    const target = hiddenIn.get(edge.target);
    if (source !== undefined && source === target) return [];
    const handles = edgeHandles(state.doc, edge);
    return [
      {
        id: edge.id,
        source: source ?? edge.source,
        target: target ?? edge.target,
        sourceHandle: source === undefined ? handles.sourceHandle : 'out:0',
        targetHandle: target === undefined ? handles.targetHandle : 'in:0',
      },
    ];
  });
  return { nodes, edges };
}
