import type * as tfjs from '@tensorflow/tfjs';
import type { WeightsManifestGroup } from '../import/weights';
import type { Tf } from '../layers/spec';

/** The JSON half of a NetCanvas weights file pair: a TF.js-style manifest naming one binary file. */
export interface WeightsFileJson {
  format: 'netcanvas.weights';
  weightsManifest: WeightsManifestGroup[];
}

/**
 * Packs named tensors as a TF.js weights manifest plus one binary file, so weights travel beside a
 * graph document (`graph.json` → `graph.weights.json` + `graph.weights.bin`).
 */
export async function encodeWeightsFile(
  tf: Tf,
  tensors: tfjs.NamedTensorMap,
  binName: string,
): Promise<{ json: WeightsFileJson; data: Uint8Array }> {
  const { data, specs } = await tf.io.encodeWeights(tensors);
  return { json: { format: 'netcanvas.weights', weightsManifest: [{ paths: [binName], weights: specs }] }, data: new Uint8Array(data) };
}
