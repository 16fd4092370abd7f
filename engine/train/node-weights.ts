import type * as tfjs from '@tensorflow/tfjs';
import { type LayerWeightShapes, type LoadPolicy, planWeightLoad, type WeightLoadPlan, type WeightShape } from './load-plan';

/**
 * Trained weights as stored with a run: tensors named the way TF.js names them (`layer/kernel`) and
 * which node each of those layer names was compiled from. The node ids are the weights' identity;
 * the layer names follow the display names and may change from one version to the next.
 */
export interface SavedWeights {
  tensors: tfjs.NamedTensorMap;
  /** TF.js layer name → node id, as in the version the weights were trained on. */
  layerNodes: Record<string, string>;
}

/** Node id → TF.js layer name (what `compileGraph` reports) turned into layer name → node id. */
export function layerNodesOf(layerNames: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [nodeId, layerName] of layerNames) out[layerName] = nodeId;
  return out;
}

/** The saved tensors grouped by node id, each under its name within the layer (`kernel`). */
export function savedByNode(saved: SavedWeights): Map<string, { label: string; tensors: Map<string, tfjs.Tensor> }> {
  // Longest layer name first: a layer named `a/b` owns `a/b/kernel`, not a layer named `a`.
  const layerNames = Object.keys(saved.layerNodes).sort((a, b) => b.length - a.length);
  const out = new Map<string, { label: string; tensors: Map<string, tfjs.Tensor> }>();
  for (const [rawName, tensor] of Object.entries(saved.tensors)) {
    const name = rawName.replace(/:\d+$/, '');
    const layerName = layerNames.find((l) => name.startsWith(`${l}/`));
    if (layerName === undefined) continue;
    const nodeId = saved.layerNodes[layerName] as string;
    const entry = out.get(nodeId) ?? { label: layerName, tensors: new Map<string, tfjs.Tensor>() };
    entry.tensors.set(name.slice(layerName.length + 1), tensor);
    out.set(nodeId, entry);
  }
  return out;
}

/**
 * Loads saved weights into a compiled model by node id, after planning the load (see
 * {@link planWeightLoad}): with `all`, every layer loads or none does; with `matching`, the layers
 * that fit load and the others keep their fresh initial weights. The caller still owns the tensors.
 *
 * @param layerNames node id → TF.js layer name of the model (from `compileGraph`).
 */
export function loadWeightsByNode(
  model: tfjs.LayersModel,
  layerNames: ReadonlyMap<string, string>,
  saved: SavedWeights,
  policy: LoadPolicy,
): WeightLoadPlan {
  const nodeOfLayer = layerNodesOf(layerNames);
  const byNode = savedByNode(saved);
  const layers = model.layers
    .map((layer) => ({ layer, nodeId: nodeOfLayer[layer.name] }))
    .filter((entry): entry is { layer: tfjs.layers.Layer; nodeId: string } => entry.nodeId !== undefined);
  const target: LayerWeightShapes[] = layers.map(({ layer, nodeId }) => ({
    nodeId,
    label: layer.name,
    weights: layer.weights.map((w) => ({ name: withinLayer(layer.name, w.originalName), shape: w.shape.map(Number) })),
  }));
  const shapes = new Map<string, { label: string; weights: WeightShape[] }>();
  for (const [nodeId, entry] of byNode)
    shapes.set(nodeId, { label: entry.label, weights: [...entry.tensors].map(([name, t]) => ({ name, shape: t.shape })) });
  const plan = planWeightLoad(target, shapes, policy);
  if (plan.problem) return plan;
  const loaded = new Set(plan.layers.filter((l) => l.status === 'loaded').map((l) => l.nodeId));
  for (const { layer, nodeId } of layers) {
    if (!loaded.has(nodeId)) continue;
    const tensors = byNode.get(nodeId)?.tensors;
    layer.setWeights(layer.weights.map((w) => tensors?.get(withinLayer(layer.name, w.originalName)) as tfjs.Tensor));
  }
  return plan;
}

function withinLayer(layerName: string, weightName: string): string {
  return weightName.startsWith(`${layerName}/`) ? weightName.slice(layerName.length + 1) : weightName;
}
