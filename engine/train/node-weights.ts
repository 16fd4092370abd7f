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

/**
 * Which node and which weight within its layer a saved weight name (`conv/kernel:0`) belongs to,
 * given the layer name → node id map of the version it was saved from.
 */
function weightOwner(
  rawName: string,
  layerNodes: Record<string, string>,
  layerNames: readonly string[],
): { nodeId: string; layerName: string; within: string } | null {
  const name = rawName.replace(/:\d+$/, '');
  const layerName = layerNames.find((l) => name.startsWith(`${l}/`));
  if (layerName === undefined) return null;
  return { nodeId: layerNodes[layerName] as string, layerName, within: name.slice(layerName.length + 1) };
}

/** Layer names longest first: a layer named `a/b` owns `a/b/kernel`, not a layer named `a`. */
function longestFirst(layerNodes: Record<string, string>): string[] {
  return Object.keys(layerNodes).sort((a, b) => b.length - a.length);
}

/** The saved tensors grouped by node id, each under its name within the layer (`kernel`). */
export function savedByNode(saved: SavedWeights): Map<string, { label: string; tensors: Map<string, tfjs.Tensor> }> {
  const layerNames = longestFirst(saved.layerNodes);
  const out = new Map<string, { label: string; tensors: Map<string, tfjs.Tensor> }>();
  for (const [rawName, tensor] of Object.entries(saved.tensors)) {
    const owner = weightOwner(rawName, saved.layerNodes, layerNames);
    if (!owner) continue;
    const entry = out.get(owner.nodeId) ?? { label: owner.layerName, tensors: new Map<string, tfjs.Tensor>() };
    entry.tensors.set(owner.within, tensor);
    out.set(owner.nodeId, entry);
  }
  return out;
}

/**
 * The shapes of saved weights grouped by node id, from a weights manifest alone (no tensors): what
 * a load plan compares a design with before any bytes are read.
 */
export function savedShapesByNode(
  specs: readonly { name: string; shape: number[] }[],
  layerNodes: Record<string, string>,
): Map<string, { label: string; weights: WeightShape[] }> {
  const layerNames = longestFirst(layerNodes);
  const out = new Map<string, { label: string; weights: WeightShape[] }>();
  for (const spec of specs) {
    const owner = weightOwner(spec.name, layerNodes, layerNames);
    if (!owner) continue;
    const entry = out.get(owner.nodeId) ?? { label: owner.layerName, weights: [] };
    entry.weights.push({ name: owner.within, shape: spec.shape });
    out.set(owner.nodeId, entry);
  }
  return out;
}

/** Every layer of a compiled model that came from a node, with its weights' shapes (see compileGraph's `layerNames`). */
export function modelWeightShapes(model: tfjs.LayersModel, layerNames: ReadonlyMap<string, string>): LayerWeightShapes[] {
  const nodeOfLayer = layerNodesOf(layerNames);
  return model.layers
    .filter((layer) => nodeOfLayer[layer.name] !== undefined)
    .map((layer) => ({
      nodeId: nodeOfLayer[layer.name] as string,
      label: layer.name,
      weights: layer.weights.map((w) => ({ name: withinLayer(layer.name, w.originalName), shape: w.shape.map(Number) })),
    }));
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
  const target = modelWeightShapes(model, layerNames);
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
