import type { Change } from './changes';
import type { GraphDoc, GraphNode } from './schema';

/**
 * Removing nodes and edges as the editor does it: the listed edges and every edge touching a removed
 * node, the nodes, their entries in `outputs`, and the groups that lose their last member (groups
 * saved empty are left alone).
 */
export function removalChanges(doc: GraphDoc, nodes: ReadonlySet<string>, edges: ReadonlySet<string> = new Set()): Change[] {
  if (nodes.size === 0 && edges.size === 0) return [];
  const changes: Change[] = [];
  for (const e of doc.edges) {
    if (edges.has(e.id) || nodes.has(e.source) || nodes.has(e.target)) changes.push({ kind: 'edge.remove', id: e.id });
  }
  for (const n of doc.nodes) if (nodes.has(n.id)) changes.push({ kind: 'node.remove', id: n.id });
  if (doc.outputs) {
    const outputs = doc.outputs.filter((ref) => !nodes.has(ref.replace(/:\d+$/, '')) && !nodes.has(ref));
    if (outputs.length !== doc.outputs.length) changes.push({ kind: 'doc.patch', set: { outputs } });
  }
  const kept = doc.nodes.filter((n) => !nodes.has(n.id));
  return [...changes, ...emptiedGroups(doc.nodes, kept, doc)];
}

/** Removals of the groups that had members in `before` and have none in `after`. */
export function emptiedGroups(before: readonly GraphNode[], after: readonly GraphNode[], doc: GraphDoc): Change[] {
  if (!doc.groups || doc.groups.length === 0) return [];
  const had = new Set(before.flatMap((n) => (n.groupId ? [n.groupId] : [])));
  const has = new Set(after.flatMap((n) => (n.groupId ? [n.groupId] : [])));
  return doc.groups.filter((g) => had.has(g.id) && !has.has(g.id)).map((g) => ({ kind: 'group.remove', id: g.id }) as const);
}
