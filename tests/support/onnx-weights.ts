import type * as tfjs from '@tensorflow/tfjs';
import type { NamedWeightArrays } from '../../engine/import/weight-arrays';

/** Weight arrays as tensors (the caller disposes them). */
export function toTensors(tf: typeof tfjs, arrays: NamedWeightArrays): tfjs.NamedTensorMap {
  return Object.fromEntries(Object.entries(arrays).map(([name, a]) => [name, tf.tensor(a.values, a.shape, a.dtype)]));
}
