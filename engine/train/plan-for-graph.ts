import type * as tfjs from '@tensorflow/tfjs';
import { compileGraph } from '../compile/compile';
import type { GraphDoc } from '../graph/schema';
import { type LoadPolicy, planWeightLoad, type WeightLoadPlan } from './load-plan';
import { modelWeightShapes, savedShapesByNode } from './node-weights';

/**
 * The load plan of stored weights for a design, from their manifest alone: compiles the design to
 * learn each layer's weight shapes, compares them by node id, and disposes the model. Null when the
 * design does not compile (its diagnostics say why; there is nothing to load into).
 *
 * @example
 * const plan = planForGraph(tf, editedDoc, stored.specs, stored.layerNodes);
 * // → layers: [{ nodeId: 'dense_2', status: 'shape_mismatch', detail: 'kernel [64, 10] → [64, 3]' }, …]
 */
export function planForGraph(
  tf: typeof tfjs,
  doc: GraphDoc,
  specs: readonly { name: string; shape: number[] }[],
  layerNodes: Record<string, string>,
  policy: LoadPolicy = 'matching',
): WeightLoadPlan | null {
  const compiled = compileGraph(tf, doc);
  if (!compiled.ok) return null;
  try {
    return planWeightLoad(modelWeightShapes(compiled.model, compiled.layerNames), savedShapesByNode(specs, layerNodes), policy);
  } finally {
    compiled.model.dispose();
  }
}

/**
 * The layer name → node id map of stored weights narrowed to the layers a plan loaded: a layer that
 * was fresh or changed shape in a version does not get its old weights back in a later one.
 */
export function keptLayerNodes(layerNodes: Record<string, string>, plan: WeightLoadPlan): Record<string, string> {
  const loaded = new Set(plan.layers.filter((l) => l.status === 'loaded').map((l) => l.nodeId));
  return Object.fromEntries(Object.entries(layerNodes).filter(([, nodeId]) => loaded.has(nodeId)));
}
