import type { Change } from '../../../engine/graph/changes';
import { OPTIONAL_NODE_FIELDS } from '../../../engine/graph/changes';
import type { GraphDoc, GraphNode } from '../../../engine/graph/schema';

export { emptiedGroups, removalChanges } from '../../../engine/graph/removal-changes';

/**
 * Builders of the change lists commands return (`engine/graph/changes.ts`). Commands describe an
 * edit; the store applies it, so a command never builds the next document itself.
 */

const NODE_FIELDS = ['type', 'params', 'position', ...OPTIONAL_NODE_FIELDS] as const;

/**
 * The update that turns `before` into `after`, comparing fields by identity (unchanged params keep
 * their object), or `null` when nothing differs.
 */
export function nodeUpdate(before: GraphNode, after: GraphNode): Change | null {
  if (before === after) return null;
  const set: Record<string, unknown> = {};
  const unset: (typeof OPTIONAL_NODE_FIELDS)[number][] = [];
  for (const key of NODE_FIELDS) {
    if (before[key] === after[key]) continue;
    if (after[key] === undefined) unset.push(key as (typeof OPTIONAL_NODE_FIELDS)[number]);
    else set[key] = after[key];
  }
  if (Object.keys(set).length === 0 && unset.length === 0) return null;
  return { kind: 'node.update', id: before.id, set, ...(unset.length > 0 ? { unset } : {}) };
}

/** Updates of the listed nodes by `change` (returning the node itself means no change), in document order. */
export function updateNodes(doc: GraphDoc, ids: ReadonlySet<string>, change: (node: GraphNode) => GraphNode): Change[] {
  const changes: Change[] = [];
  for (const node of doc.nodes) {
    if (!ids.has(node.id)) continue;
    const update = nodeUpdate(node, change(node));
    if (update) changes.push(update);
  }
  return changes;
}

/**
 * Replacing all of `from` by `to`: everything removed, then everything of `to` added, its training
 * settings and document fields set. Applied to `from` it gives a document equal to `to`.
 */
export function replacementChanges(from: GraphDoc, to: GraphDoc): Change[] {
  const changes: Change[] = [
    ...from.edges.map((e) => ({ kind: 'edge.remove', id: e.id }) as const),
    ...from.nodes.map((n) => ({ kind: 'node.remove', id: n.id }) as const),
    ...(from.groups ?? []).map((g) => ({ kind: 'group.remove', id: g.id }) as const),
    ...to.nodes.map((node) => ({ kind: 'node.add', node }) as const),
    ...to.edges.map((edge) => ({ kind: 'edge.add', edge }) as const),
    ...(to.groups ?? []).map((group) => ({ kind: 'group.set', group }) as const),
  ];
  const oldTraining = Object.keys(from.training ?? {}) as (keyof NonNullable<GraphDoc['training']>)[];
  const unsetTraining = oldTraining.filter((key) => to.training?.[key] === undefined);
  if (to.training || unsetTraining.length > 0) {
    changes.push({ kind: 'training.patch', set: to.training ?? {}, ...(unsetTraining.length > 0 ? { unset: unsetTraining } : {}) });
  }
  const unsetFields = (['name', 'outputs'] as const).filter((key) => from[key] !== undefined && to[key] === undefined);
  const setFields = { ...(to.name !== undefined ? { name: to.name } : {}), ...(to.outputs !== undefined ? { outputs: to.outputs } : {}) };
  if (Object.keys(setFields).length > 0 || unsetFields.length > 0) {
    changes.push({ kind: 'doc.patch', set: setFields, ...(unsetFields.length > 0 ? { unset: unsetFields } : {}) });
  }
  return changes;
}
