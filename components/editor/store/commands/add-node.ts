import { applyChanges } from '../../../../engine/graph/apply-changes';
import type { Change } from '../../../../engine/graph/changes';
import type { GraphDoc, GraphEdge, GraphNode } from '../../../../engine/graph/schema';
import { layerSpec } from '../../../../engine/layers/registry';
import { updateNodes } from '../change-ops';
import { defineCommand, refuse } from '../command';
import { canConnect } from '../connection-rules';
import { downstream, edgeIds, findNode, freshEdgeId, freshId, isJsonValue, nodeIds, ROW_GAP } from '../doc-ops';
import { selectionOf } from '../editor-state';

export interface AddNodeArgs {
  /** Layer type id from the registry, e.g. `conv2d`. */
  type: string;
  /** Canvas position; by default below the node it follows, or below the lowest node. */
  position?: { x: number; y: number };
  /** Raw params; omitted fields take the spec's defaults. */
  params?: Record<string, unknown>;
  name?: string;
  /**
   * Insert after this node (`true`: after the one selected node): the new layer is fed by its first
   * output and takes over the connections that output fed, and the layers below shift down a row.
   */
  after?: string | true;
}

/** Adds a layer from the palette, optionally appended after the selection; selects it. Output: its id. */
export const addNode = defineCommand<AddNodeArgs, string>({
  id: 'addNode',
  label: 'Add layer',
  group: 'edit',
  canRun: (_state, args) => layerSpec(args.type) !== undefined,
  perform(state, args) {
    const spec = layerSpec(args.type);
    if (!spec) return refuse(`There is no layer type "${args.type}".`);
    if (args.params !== undefined && !isJsonValue(args.params)) return refuse('Layer settings must be plain JSON values.');
    const { doc } = state;
    const afterId = args.after === true ? (state.selection.nodes.length === 1 ? state.selection.nodes[0] : undefined) : args.after;
    const after = afterId === undefined ? undefined : findNode(doc, afterId);
    if (afterId !== undefined && !after) return refuse(`There is no layer "${afterId}" to append to.`);

    const id = freshId(spec.type, nodeIds(doc));
    const position = args.position ?? (after ? { x: after.position.x, y: after.position.y + ROW_GAP } : belowEverything(doc));
    const node: GraphNode = { id, type: spec.type, params: args.params ?? {}, position };
    if (args.name) node.name = args.name;
    const changes: Change[] = [{ kind: 'node.add', node }];

    if (after && spec.inputs.max > 0) {
      const check = canConnect({ ...state, doc: applyChanges(doc, changes) }, after.id, undefined, id, undefined);
      if (!check.ok) return refuse(check.reason);
      changes.push(...insertAfter(doc, after, node, args.position === undefined));
    }
    return { changes, selection: selectionOf([id]), undoable: true, output: id };
  },
});

/**
 * Wires `node` after `after`: edges leaving `after`'s first output now leave `node` (each replaced
 * in place, keeping its id), a new edge joins the two, and (when `shift`) everything downstream
 * moves a row down to make room.
 */
function insertAfter(doc: GraphDoc, after: GraphNode, node: GraphNode, shift: boolean): Change[] {
  const takenEdges = edgeIds(doc);
  const fromFirstOutput = (e: GraphEdge) => e.source === after.id && (e.sourceHandle === undefined || e.sourceHandle === 'out:0');
  const changes: Change[] = [];
  doc.edges.forEach((e, index) => {
    if (!fromFirstOutput(e)) return;
    const { sourceHandle: _first, ...rest } = e;
    changes.push({ kind: 'edge.remove', id: e.id }, { kind: 'edge.add', edge: { ...rest, source: node.id }, index });
  });
  const below = shift && changes.length > 0 ? downstream(doc, after.id) : new Set<string>();
  changes.push({ kind: 'edge.add', edge: { id: freshEdgeId(after.id, node.id, takenEdges), source: after.id, target: node.id } });
  const shifted = updateNodes(doc, below, (n) => ({ ...n, position: { x: n.position.x, y: n.position.y + ROW_GAP } }));
  return [...changes, ...shifted];
}

function belowEverything(doc: GraphDoc): { x: number; y: number } {
  if (doc.nodes.length === 0) return { x: 0, y: 0 };
  const lowest = doc.nodes.reduce((a, b) => (b.position.y > a.position.y ? b : a));
  return { x: lowest.position.x, y: lowest.position.y + ROW_GAP };
}
