import type * as tfjs from '@tensorflow/tfjs';

/** The files of a TF.js layers model, as `tf.loadLayersModel` reads them. */
export interface TfjsArtifacts {
  'model.json': Record<string, unknown>;
  'weights.bin': Uint8Array;
}

/**
 * Saves a compiled model in TF.js's own layers-model format (model.json with topology and weights
 * manifest, plus one weights.bin), without touching the file system: the caller writes or zips them.
 */
export async function tfjsArtifacts(tf: typeof tfjs, model: tfjs.LayersModel): Promise<TfjsArtifacts> {
  let artifacts: tfjs.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!artifacts) throw new Error('the model produced no artifacts');
  const data = artifacts.weightData;
  const bytes = data === undefined ? new Uint8Array(0) : Array.isArray(data) ? concat(data) : new Uint8Array(data);
  return {
    'model.json': {
      format: 'layers-model',
      generatedBy: 'NetCanvas',
      convertedBy: null,
      modelTopology: artifacts.modelTopology,
      ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
      weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
    },
    'weights.bin': bytes,
  };
}

function concat(buffers: ArrayBuffer[]): Uint8Array {
  const out = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let offset = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out;
}
