import type * as tfjs from '@tensorflow/tfjs';
import type { BackendProbe } from '../backends/select-backend';
import type { Tf } from '../layers/spec';
import { outputUnits } from './batch-tensors';
import { disposeModel } from './prepare-model';

/**
 * A backend probe that times the run's own workload — one training step of the actual model on a
 * batch of its actual size, with random data — so the backend is chosen for this model, not for a
 * typical one (software WebGL loses to wasm on a CNN, a real GPU wins; tiny MLPs can favour cpu).
 *
 * @param build Builds the model, compiled for training, on whichever backend is active.
 * @example
 * const { backend, figures } = await measureBackends(tf, ['webgl', 'wasm', 'cpu'], modelTrainProbe((t) => prepare(t), [28, 28, 1], 64));
 */
export function modelTrainProbe(build: (tf: Tf) => tfjs.LayersModel, featureShape: number[], batchSize: number): BackendProbe {
  // measureBackends hands the probe the namespace it was given: the full TF.js, layers included.
  return (core) => {
    const tf = core as unknown as Tf;
    const model = build(tf);
    const units = outputUnits(model);
    const x = tf.randomUniform([batchSize, ...featureShape]);
    const y = tf.tidy(() =>
      units > 1 ? tf.oneHot(tf.randomUniform([batchSize], 0, units, 'int32'), units).toFloat() : tf.randomUniform([batchSize, 1]),
    );
    return {
      samplesPerStep: batchSize,
      async step() {
        await model.trainOnBatch(x, y);
      },
      dispose() {
        tf.dispose([x, y]);
        disposeModel(model);
      },
    };
  };
}
