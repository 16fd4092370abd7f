import type { Analysis } from '../analysis/types';
import type { WeightShape } from './load-plan';

/** What a layer of the design starts from, as its badge on the canvas says. */
export type WeightBadge = 'pretrained' | 'fresh' | 'shape_changed';

/** Stored weights by node id, each with its weights' shapes (see `savedShapesByNode`). */
export type StoredShapes = ReadonlyMap<string, { weights: readonly WeightShape[] }>;

/**
 * The weights badge of every layer that has weights, from the live analysis of a draft: no stored
 * weights for its node → fresh; stored with as many values as the layer has parameters → pretrained;
 * otherwise its settings changed since. Cheap enough to run on every edit (no model is built); the
 * exact check by weight shape happens when the version is saved and when training starts.
 *
 * @example
 * weightBadges(analysis, savedShapesByNode(specs, layerNodes)).get('dense_1'); // → 'shape_changed'
 */
export function weightBadges(analysis: Analysis, stored: StoredShapes): Map<string, WeightBadge> {
  const out = new Map<string, WeightBadge>();
  for (const node of Object.values(analysis.nodes)) {
    const count = node.paramCount ? node.paramCount.trainable + node.paramCount.nonTrainable : 0;
    if (count === 0) continue;
    const saved = stored.get(node.id);
    if (!saved || saved.weights.length === 0) out.set(node.id, 'fresh');
    else out.set(node.id, valuesOf(saved.weights) === count ? 'pretrained' : 'shape_changed');
  }
  return out;
}

function valuesOf(weights: readonly WeightShape[]): number {
  return weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
}
