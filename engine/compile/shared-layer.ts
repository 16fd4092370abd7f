import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../analysis/types';
import type { GraphDoc, GraphNode } from '../graph/schema';
import { layerSpec } from '../layers/registry';
import type { Tf } from '../layers/spec';

/**
 * The layer a node with `sharesWeightsWith` uses again: its owner's, built now if the owner comes
 * later in the order (siamese branches are independent). `undefined` for a node that owns its layer.
 */
export function sharedLayer(
  tf: Tf,
  doc: GraphDoc,
  analysis: Analysis,
  node: GraphNode,
  built: Map<string, tfjs.layers.Layer>,
): tfjs.layers.Layer | undefined {
  const ownerId = node.sharesWeightsWith;
  if (ownerId === undefined) return undefined;
  const existing = built.get(ownerId);
  if (existing) return existing;
  const owner = doc.nodes.find((n) => n.id === ownerId);
  const info = analysis.nodes[ownerId];
  const spec = layerSpec(owner?.type ?? '');
  if (!owner || !info?.params || !spec) throw new Error(`node ${node.id} shares the layer of ${ownerId}, which has no resolved layer`);
  const layer = spec.build(tf, info.params, { name: info.layerName, trainable: owner.trainable !== false });
  built.set(ownerId, layer);
  return layer;
}
