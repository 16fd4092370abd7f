import type * as tfjs from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';

/** Runs ONNX bytes in ONNX Runtime (CPU) on named inputs; returns the outputs in the file's order. */
export async function runOnnx(
  bytes: Uint8Array,
  inputs: { data: Float32Array | Int32Array; shape: number[] }[],
): Promise<{ data: Float32Array; shape: number[] }[]> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const feeds: Record<string, ort.Tensor> = {};
    for (const [i, name] of session.inputNames.entries()) {
      const input = inputs[i];
      if (!input) throw new Error(`no value for input ${name}`);
      feeds[name] = new ort.Tensor(input.data instanceof Int32Array ? 'int32' : 'float32', input.data, input.shape);
    }
    const results = await session.run(feeds);
    return session.outputNames.map((name) => {
      const t = results[name] as ort.Tensor;
      return { data: Float32Array.from(t.data as Float32Array), shape: [...t.dims] };
    });
  } finally {
    await session.release();
  }
}

/** A deterministic sample input for a model input of this shape (unknown sizes become `fill`). */
export function sampleInput(
  shape: readonly (number | null)[],
  dtype: string,
  seed: number,
  fill = 6,
): { data: Float32Array | Int32Array; shape: number[] } {
  const dims = [2, ...shape.slice(1).map((d) => d ?? fill)];
  const n = dims.reduce((a, b) => a * b, 1);
  let s = seed * 9301 + 49297;
  const next = () => {
    s = (s * 9301 + 49297) % 233280;
    return s / 233280;
  };
  const data =
    dtype === 'int32'
      ? Int32Array.from({ length: n }, () => Math.floor(next() * 10))
      : Float32Array.from({ length: n }, () => next() * 2 - 1);
  return { data, shape: dims };
}

/**
 * Gives a model's biases and normalisation statistics random values (TF.js starts them at 0 and 1,
 * which would let a wrong mapping of them go unnoticed), keeping kernels as initialised.
 */
export function randomiseStatistics(tf: typeof tfjs, model: tfjs.LayersModel, seed: number): void {
  for (const layer of model.layers) {
    const values = layer.getWeights().map((w, i) => {
      const name = layer.weights[i]?.originalName ?? '';
      if (/moving_variance$/.test(name)) return tf.randomUniform(w.shape, 0.5, 1.5, 'float32', seed + i);
      if (/(bias|beta|gamma|moving_mean|alpha)$/.test(name)) return tf.randomUniform(w.shape, -0.5, 0.5, 'float32', seed + i);
      return w;
    });
    layer.setWeights(values);
  }
}

/** Largest difference between two outputs, relative to the larger of 1 and the output's own scale. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let scale = 1;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i] ?? 0));
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs((actual[i] ?? 0) - (expected[i] ?? 0)));
  return actual.length === expected.length ? worst / scale : Number.POSITIVE_INFINITY;
}
