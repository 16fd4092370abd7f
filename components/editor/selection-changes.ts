import { groupOfFrame } from './flow-elements';
import type { EditorState, EditorStore, Selection } from './store';

/** A selection change React Flow reports for one node or edge. */
export interface SelectChange {
  id: string;
  selected: boolean;
}

/**
 * The selection after React Flow's select changes, or `null` when it stays the same. A collapsed
 * block stands for all its layers; frames of expanded blocks are never selected themselves.
 *
 * @example
 * nextSelection(state, [{ id: 'dense_1', selected: true }, { id: 'conv2d_1', selected: false }], 'nodes')
 */
export function nextSelection(state: EditorState, changes: readonly SelectChange[], kind: 'nodes' | 'edges'): Selection | null {
  const current = kind === 'nodes' ? state.selection.nodes : state.selection.edges;
  const ids = new Set(current);
  const members = kind === 'nodes' ? blockMembers(state) : new Map<string, string[]>();
  for (const change of changes) {
    if (kind === 'nodes' && groupOfFrame(change.id) !== null) continue;
    for (const id of members.get(change.id) ?? [change.id]) {
      if (change.selected) ids.add(id);
      else ids.delete(id);
    }
  }
  const next = [...ids];
  if (next.length === current.length && next.every((id, i) => id === current[i])) return null;
  return kind === 'nodes' ? { nodes: next, edges: state.selection.edges } : { nodes: state.selection.nodes, edges: next };
}

/** Applies React Flow's select changes to the store. */
export function applySelectionChanges(store: EditorStore, changes: readonly SelectChange[], kind: 'nodes' | 'edges'): void {
  const next = nextSelection(store.getState(), changes, kind);
  if (next) store.dispatch('selectNodes', { nodes: [...next.nodes], edges: [...next.edges] });
}

function blockMembers(state: EditorState): Map<string, string[]> {
  const collapsed = new Set((state.doc.groups ?? []).filter((g) => g.collapsed).map((g) => g.id));
  const members = new Map<string, string[]>();
  if (collapsed.size === 0) return members;
  for (const node of state.doc.nodes) {
    if (node.groupId === undefined || !collapsed.has(node.groupId)) continue;
    members.set(node.groupId, [...(members.get(node.groupId) ?? []), node.id]);
  }
  return members;
}
