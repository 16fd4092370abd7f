import type * as tfjs from '@tensorflow/tfjs';
import { seededRandom } from '../../data/random';

/** One input's values for a batch of samples, batch first. */
export interface SampleInput {
  data: Float32Array | Int32Array;
  shape: number[];
}

/** How many samples a proof predicts when the caller has no dataset samples. */
export const PROOF_SAMPLES = 4;

/**
 * Seeded sample inputs for every input of a model: `count` samples each, of the input's own shape,
 * with sizes the model leaves open (a sequence's length) set to `openSize`. Floats are uniform in
 * [-1, 1); int32 inputs (token ids) are 0 or 1, which every embedding table has. The same seed gives
 * the same inputs everywhere, so a proof can be repeated.
 *
 * @example
 * const inputs = sampleInputs(model, 4, 7); // [{ data: Float32Array(4·28·28), shape: [4, 28, 28, 1] }]
 */
export function sampleInputs(model: tfjs.LayersModel, count = PROOF_SAMPLES, seed = 7, openSize = 6): SampleInput[] {
  return model.inputs.map((input, k) => {
    const shape = [count, ...input.shape.slice(1).map((d) => d ?? openSize)];
    const n = shape.reduce((a, b) => a * b, 1);
    const random = seededRandom(seed + k * 7919);
    const data =
      input.dtype === 'int32'
        ? Int32Array.from({ length: n }, () => Math.floor(random() * 2))
        : Float32Array.from({ length: n }, () => random() * 2 - 1);
    return { data, shape };
  });
}
