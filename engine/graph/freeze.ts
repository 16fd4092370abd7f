import type { Change } from './changes';
import { upstream } from './reach';
import type { GraphDoc } from './schema';

/**
 * Freezing and unfreezing layers as change lists. A frozen layer (`trainable: false`) keeps its
 * weights while the rest trains — the first step of transfer learning. `true` is the default and is
 * not stored, so unfreezing clears the field.
 */

/** The updates that set `trainable` on the listed layers, skipping those already so, in document order. */
export function trainableChanges(doc: GraphDoc, ids: Iterable<string>, trainable: boolean): Change[] {
  const wanted = new Set(ids);
  const changes: Change[] = [];
  for (const node of doc.nodes) {
    if (!wanted.has(node.id) || (node.trainable ?? true) === trainable) continue;
    changes.push(
      trainable
        ? { kind: 'node.update', id: node.id, set: {}, unset: ['trainable'] }
        : { kind: 'node.update', id: node.id, set: { trainable: false } },
    );
  }
  return changes;
}

/** The layers of a block (group), in document order. */
export function blockMembers(doc: GraphDoc, groupId: string): string[] {
  return doc.nodes.filter((n) => n.groupId === groupId).map((n) => n.id);
}

/**
 * "Freeze everything up to here": the layer and every layer it depends on are frozen; layers after
 * it are left as they are (the head stays trainable).
 *
 * @example
 * applyChanges(doc, freezeUpToChanges(doc, 'out_relu')) // the backbone frozen, the head trainable
 */
export function freezeUpToChanges(doc: GraphDoc, nodeId: string): Change[] {
  if (!doc.nodes.some((n) => n.id === nodeId)) return [];
  return trainableChanges(doc, [nodeId, ...upstream(doc, nodeId)], false);
}
