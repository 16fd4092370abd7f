import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/spec';

/** A network cut at one layer: its activations there, one flat row per sample. */
export type FeatureModel = { ok: true; model: tfjs.LayersModel; layerName: string; featureCount: number } | { ok: false; problem: string };

/**
 * The part of a compiled (and weighted) network that ends at the layer compiled from `nodeId`: a
 * model sharing the original's layers and weights, whose output is that layer's activations.
 * `layerNames` is node id → TF.js layer name, as `compileGraph` reports it.
 */
export function featureModel(tf: Tf, model: tfjs.LayersModel, layerNames: ReadonlyMap<string, string>, nodeId: string): FeatureModel {
  const layerName = layerNames.get(nodeId);
  if (!layerName) return { ok: false, problem: `The design has no layer "${nodeId}" to take features from.` };
  const layer = model.layers.find((l) => l.name === layerName);
  if (!layer) return { ok: false, problem: `The layer "${layerName}" is not part of the compiled network (it feeds no output).` };
  const output = layer.output;
  if (Array.isArray(output)) return { ok: false, problem: `The layer "${layerName}" has several outputs; pick a layer with one.` };
  if (layer.getClassName() === 'InputLayer')
    return { ok: false, problem: 'Pick a layer after the input: the input holds the raw samples.' };
  const featureCount = output.shape.slice(1).reduce((a: number, d) => a * (d ?? Number.NaN), 1);
  if (!Number.isFinite(featureCount)) {
    return {
      ok: false,
      problem: `The layer "${layerName}" has an output of unknown size [${output.shape.join(', ')}]; pick one with a fixed size.`,
    };
  }
  return { ok: true, model: tf.model({ inputs: model.inputs, outputs: output }), layerName, featureCount };
}
