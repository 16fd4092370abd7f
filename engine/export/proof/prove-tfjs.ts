import type * as tfjs from '@tensorflow/tfjs';
import { compareOutputs } from './compare-outputs';
import { predictTfjs } from './predict-tfjs';
import { type ExportProof, failedProof, predictionProof } from './proof';
import type { SampleInput } from './sample-inputs';

/** TF.js layers-model files as they are downloaded: `model.json` (text or parsed) and `weights.bin`. */
export interface TfjsFiles {
  'model.json': string | Record<string, unknown>;
  'weights.bin': Uint8Array;
}

/**
 * Reloads exported TF.js files with `tf.loadLayersModel` from memory, exactly as a user's page would
 * read them, and compares its predictions on `inputs` with the original model's. The reloaded model
 * is disposed; the original is left as it was.
 *
 * @example
 * const proof = await proveTfjs(tf, model, { 'model.json': text, 'weights.bin': bin }, sampleInputs(model));
 * proof.message // 'Checked: reloaded in TF.js, predictions match the original within 0 on 4 samples.'
 */
export async function proveTfjs(
  tf: typeof tfjs,
  original: tfjs.LayersModel,
  files: TfjsFiles,
  inputs: readonly SampleInput[],
): Promise<ExportProof> {
  let reloaded: tfjs.LayersModel;
  try {
    const json = typeof files['model.json'] === 'string' ? JSON.parse(files['model.json']) : files['model.json'];
    const manifest = (json.weightsManifest ?? []) as { weights: tfjs.io.WeightsManifestEntry[] }[];
    const bin = files['weights.bin'];
    reloaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: manifest.flatMap((group) => group.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer,
      }),
    );
  } catch (error) {
    return failedProof('tfjs', 'TF.js', 'load the files', error);
  }
  try {
    const expected = predictTfjs(tf, original, inputs);
    const actual = predictTfjs(tf, reloaded, inputs);
    const names = original.outputs.map((o) => o.name.split('/')[0] ?? o.name);
    return predictionProof('tfjs', 'TF.js', 'the original', inputs[0]?.shape[0] ?? 0, compareOutputs(expected, actual, names));
  } catch (error) {
    return failedProof('tfjs', 'TF.js', 'predict with the reloaded files', error);
  } finally {
    reloaded.dispose();
  }
}
