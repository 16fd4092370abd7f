import type { Change } from '../../../engine/graph/changes';
import type { GraphDoc, GraphEdge, GraphGroup, GraphNode } from '../../../engine/graph/schema';
import type { Fragment } from './clipboard';
import { edgeIds, freshEdgeId, freshId, nodeIds } from './doc-ops';

/** Where pasted layers go: shifted by an offset, or with their top-left corner at a point. */
export type Placement = { offset: { x: number; y: number } } | { at: { x: number; y: number } };

export interface Inserted {
  /** The additions: nodes, then edges, then the groups the inserted nodes use. */
  changes: Change[];
  /** Ids of the inserted nodes and edges, in fragment order. */
  nodes: string[];
  edges: string[];
  /** Old node id → new node id. */
  idMap: Map<string, string>;
}

/** Offset of a paste or duplicate that has no target point. */
export const PASTE_OFFSET = 40;

/**
 * The changes that add a fragment to a document under fresh ids: nodes get `${type}_${n}` ids unused in the document,
 * edges and groups are renamed to match, edges whose ends are not in the fragment are dropped (unless
 * listed in `keepIncoming`, whose sources are existing nodes), names that would clash are made unique,
 * and membership of groups not in the fragment is dropped.
 */
export function insertFragment(doc: GraphDoc, fragment: Fragment, placement: Placement, keepIncoming: readonly GraphEdge[] = []): Inserted {
  const takenNodes = nodeIds(doc);
  const takenEdges = edgeIds(doc);
  const takenGroups = new Set((doc.groups ?? []).map((g) => g.id));
  const takenNames = new Set(doc.nodes.flatMap((n) => [n.id, ...(n.name ? [n.name] : [])]));
  const { dx, dy } = shiftFor(doc, fragment, placement);

  const idMap = new Map<string, string>();
  for (const node of fragment.nodes) idMap.set(node.id, freshId(node.type, takenNodes));
  const groupMap = new Map<string, string>();
  const groups: GraphGroup[] = fragment.groups.map((group) => {
    const id = freshId('group', takenGroups);
    groupMap.set(group.id, id);
    return { ...group, id };
  });

  const nodes: GraphNode[] = fragment.nodes.map((node) => {
    const id = idMap.get(node.id) as string;
    const { groupId, name, ...rest } = node;
    const next: GraphNode = { ...rest, id, position: { x: node.position.x + dx, y: node.position.y + dy } };
    const newName = name === undefined ? undefined : name === node.id ? id : uniqueName(name, takenNames);
    if (newName !== undefined) next.name = newName;
    const group = groupId === undefined ? undefined : groupMap.get(groupId);
    if (group !== undefined) next.groupId = group;
    return next;
  });
  for (const node of nodes) takenNames.add(node.id);

  const edges: GraphEdge[] = [];
  for (const edge of [...fragment.edges, ...keepIncoming]) {
    const source = idMap.get(edge.source) ?? (keepIncoming.includes(edge) ? edge.source : undefined);
    const target = idMap.get(edge.target);
    if (source === undefined || target === undefined) continue;
    edges.push({ ...edge, id: freshEdgeId(source, target, takenEdges), source, target });
  }

  const usedGroups = new Set(nodes.flatMap((n) => (n.groupId ? [n.groupId] : [])));
  const keptGroups = groups.filter((g) => usedGroups.has(g.id));
  const changes: Change[] = [
    ...nodes.map((node) => ({ kind: 'node.add', node }) as const),
    ...edges.map((edge) => ({ kind: 'edge.add', edge }) as const),
    ...keptGroups.map((group) => ({ kind: 'group.set', group }) as const),
  ];
  return { changes, nodes: nodes.map((n) => n.id), edges: edges.map((e) => e.id), idMap };
}

/**
 * The translation of a placement. Without a target point the copy sits one step down and right of
 * the original, and further steps on while that spot is taken, so repeated pastes fan out.
 */
function shiftFor(doc: GraphDoc, fragment: Fragment, placement: Placement): { dx: number; dy: number } {
  if ('at' in placement) {
    const minX = Math.min(...fragment.nodes.map((n) => n.position.x));
    const minY = Math.min(...fragment.nodes.map((n) => n.position.y));
    return { dx: placement.at.x - minX, dy: placement.at.y - minY };
  }
  const occupied = new Set(doc.nodes.map((n) => `${n.position.x},${n.position.y}`));
  let { x: dx, y: dy } = placement.offset;
  for (let i = 0; i < 50 && fragment.nodes.some((n) => occupied.has(`${n.position.x + dx},${n.position.y + dy}`)); i++) {
    dx += placement.offset.x;
    dy += placement.offset.y;
  }
  return { dx, dy };
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name.slice(0, 190)}_${n}`;
  taken.add(candidate);
  return candidate;
}
