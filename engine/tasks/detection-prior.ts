import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/spec';
import { BOX_CHANNELS } from './detection-grid';

/**
 * How likely a cell is taken to hold an object's centre before training: the detector's centre
 * scores start at this instead of the 0.5 a zero bias gives a sigmoid.
 */
export const CENTRE_PRIOR = 0.1;

/** The bias whose sigmoid is {@link CENTRE_PRIOR}: −log((1 − π) / π) ≈ −2.2. */
export const CENTRE_PRIOR_BIAS = -Math.log((1 - CENTRE_PRIOR) / CENTRE_PRIOR);

/**
 * Starts a fresh detector's centre scores at {@link CENTRE_PRIOR}: sets the class channels of the
 * output layer's bias to {@link CENTRE_PRIOR_BIAS} and leaves the box channels alone.
 *
 * Why: at 0.5 on every one of the grid's cells, the focal loss's push on the thousands of empty cells
 * dwarfs the pull of the few centres, and it drives every score towards 0 for epochs before peaks
 * can form; on real photos (the raccoons) they never rose above the decoding threshold again. Starting
 * near the share of centre cells avoids that first collapse, as centre-point and focal-loss detectors do.
 *
 * Returns whether the bias was set: not when the output layer has no bias of `classes + 4` values
 * (a graph the detection task would reject anyway, or one without biases).
 */
export function applyCentrePrior(tf: Tf, model: tfjs.LayersModel): boolean {
  const output = model.outputs[0]?.sourceLayer;
  if (!output) return false;
  // The layer's own variables (not copies): read, never disposed here.
  const weights = output.getWeights();
  const bias = weights[weights.length - 1];
  const channels = bias?.shape[0] ?? 0;
  if (!bias || weights.length < 2 || bias.rank !== 1 || channels <= BOX_CHANNELS) return false;
  const values = bias.dataSync().slice();
  values.fill(CENTRE_PRIOR_BIAS, 0, channels - BOX_CHANNELS);
  const next = tf.tensor1d(values);
  output.setWeights([...weights.slice(0, -1), next]);
  next.dispose();
  return true;
}
