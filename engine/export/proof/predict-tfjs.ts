import type * as tfjs from '@tensorflow/tfjs';
import type { ModelOutput } from './compare-outputs';
import type { SampleInput } from './sample-inputs';

/** A TF.js model's outputs on the proof's inputs, read out of their tensors (which are disposed). */
export function predictTfjs(tf: typeof tfjs, model: tfjs.LayersModel, inputs: readonly SampleInput[]): ModelOutput[] {
  return tf.tidy(() => {
    const tensors = inputs.map((x) => (x.data instanceof Int32Array ? tf.tensor(x.data, x.shape, 'int32') : tf.tensor(x.data, x.shape)));
    const predicted = model.predict(tensors.length === 1 ? (tensors[0] as tfjs.Tensor) : tensors);
    return (Array.isArray(predicted) ? predicted : [predicted]).map((t) => ({ data: t.dataSync() as Float32Array, shape: [...t.shape] }));
  });
}
