import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/spec';

/** What one layer produced for one input sample. */
export interface LayerOutput {
  /** The TF.js layer's name (the analysis's stable name of its node). */
  layer: string;
  /** The TF.js class, e.g. `Conv2D`, `Dense`. */
  className: string;
  /** The output's shape without the batch dimension, e.g. [28, 28, 6]. */
  shape: number[];
  /** The output's values, row by row (channels last), for the one sample. */
  values: Float32Array;
  min: number;
  max: number;
}

/** The layers that carry no computation of their own and are left out of a forward pass's steps. */
const SKIPPED = new Set(['InputLayer']);

/**
 * Runs one sample through a model and returns every layer's output in the model's order: one
 * forward pass through a second model that exposes each layer's output, sharing the first one's
 * weights, so nothing is recomputed per layer. Layers with several outputs (none in a Sequential
 * design) keep their first. The sample is the features of one input, without the batch dimension.
 *
 * @example
 * const steps = layerOutputs(tf, model, pixels); // [{ layer: 'conv2d_1', shape: [28, 28, 6], … }, …]
 */
export function layerOutputs(tf: Tf, model: tfjs.LayersModel, sample: Float32Array): LayerOutput[] {
  const inputShape = (model.inputs[0]?.shape ?? []).slice(1).map((d) => d ?? 1);
  const width = inputShape.reduce((a, b) => a * b, 1);
  if (model.inputs.length !== 1) throw new RangeError(`This network has ${model.inputs.length} inputs; the view shows networks with one.`);
  if (sample.length !== width) {
    throw new RangeError(`The sample has ${sample.length} values, but the network's input [${inputShape.join(', ')}] takes ${width}.`);
  }
  const layers = model.layers.filter((l) => !SKIPPED.has(l.getClassName()));
  const outputs = layers.map((l) => {
    const out = l.output;
    return (Array.isArray(out) ? out[0] : out) as tfjs.SymbolicTensor;
  });
  const probe = tf.model({ inputs: model.inputs, outputs });
  const results = tf.tidy(() => {
    const predicted = probe.predict(tf.tensor(sample, [1, ...inputShape]));
    return Array.isArray(predicted) ? predicted : [predicted];
  });
  try {
    return layers.map((layer, i) => {
      const tensor = results[i] as tfjs.Tensor;
      const values = tensor.dataSync() as Float32Array;
      const [min, max] = range(values);
      return {
        layer: layer.name,
        className: layer.getClassName(),
        shape: tensor.shape.slice(1),
        values: Float32Array.from(values),
        min,
        max,
      };
    });
  } finally {
    for (const t of results) t.dispose();
  }
}

/** The smallest and largest finite value, [0, 0] when there is none. */
export function range(values: ArrayLike<number>): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min > max ? [0, 0] : [min, max];
}
