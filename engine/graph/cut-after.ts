import type { Change } from './changes';
import { upstream } from './reach';
import { removalChanges } from './removal-changes';
import type { GraphDoc } from './schema';

/** The layer with this id, else the one with this display name. */
function layerNamed(doc: GraphDoc, layerName: string) {
  return doc.nodes.find((n) => n.id === layerName) ?? doc.nodes.find((n) => n.name === layerName);
}

/** The ids of the layers a cut after `nodeId` keeps: that layer and everything it depends on. */
export function keptByCut(doc: GraphDoc, nodeId: string): Set<string> {
  return new Set([nodeId, ...upstream(doc, nodeId)]);
}

/**
 * The graph up to and including the layer named `layerName` (its id or display name): that layer
 * and everything it depends on; every layer after it, and any branch it does not need, is removed.
 * Returns undefined when no layer has that name. Pure: the input is not changed.
 *
 * @example
 * const backbone = cutAfter(mobilenet, 'out_relu'); // ends with a 7×7×1280 feature map
 */
export function cutAfter(doc: GraphDoc, layerName: string): GraphDoc | undefined {
  const last = layerNamed(doc, layerName);
  if (!last) return undefined;
  const keep = keptByCut(doc, last.id);
  const nodes = doc.nodes.filter((n) => keep.has(n.id));
  const groupIds = new Set(nodes.map((n) => n.groupId).filter(Boolean));
  return {
    ...doc,
    nodes,
    edges: doc.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
    ...(doc.groups ? { groups: doc.groups.filter((g) => groupIds.has(g.id)) } : {}),
  };
}

/**
 * The same cut as {@link cutAfter} as a change list (the editor's one undoable edit): the layers
 * after `nodeId` and the branches it does not need removed with their connections and emptied
 * blocks. When the document names its outputs and none survives, the cut layer becomes the output.
 * Returns undefined for an unknown id, and an empty list when nothing comes after the layer.
 *
 * @example
 * applyChanges(doc, cutAfterChanges(doc, 'flatten_1') ?? []) // ends at flatten_1
 */
export function cutAfterChanges(doc: GraphDoc, nodeId: string): Change[] | undefined {
  if (!doc.nodes.some((n) => n.id === nodeId)) return undefined;
  const keep = keptByCut(doc, nodeId);
  const removed = new Set(doc.nodes.filter((n) => !keep.has(n.id)).map((n) => n.id));
  const changes = removalChanges(doc, removed);
  return changes.map((change) =>
    change.kind === 'doc.patch' && change.set.outputs?.length === 0 ? { ...change, set: { ...change.set, outputs: [nodeId] } } : change,
  );
}
