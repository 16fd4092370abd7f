import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expect } from 'vitest';
import { registerWasmGradientKernels } from '../../../engine/backends';

export { tf };
export type Backend = 'cpu' | 'wasm';

/**
 * Loads the wasm backend with NetCanvas's gradient kernels; call from `beforeAll`. With
 * `checkKernels`, TF.js's `IS_TEST` flag makes the engine check every kernel for buffers it allocated
 * and neither freed nor returned. (The check misreads tf.layers' fused custom-gradient ops, so model
 * tests leave it off.)
 */
export async function setUpWasm(checkKernels = true): Promise<void> {
  tf.env().set('IS_TEST', checkKernels);
  registerWasmGradientKernels(tf);
  await tf.setBackend('wasm');
}

/** Deterministic values in [-1, 1) (mulberry32), so both backends see the same inputs. */
export function seeded(shape: number[], seed: number): Float32Array {
  let state = seed >>> 0;
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < out.length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  }
  return out;
}

/** A weighted sum of `y` with fixed pseudo-random weights, so the gradient flowing into `y` is not uniform. */
export function weightedSum(y: tf.Tensor, seed = 99): tf.Scalar {
  return tf.sum(tf.mul(y, tf.tensor(seeded(y.shape, seed), y.shape)));
}

/**
 * Runs `body` on `backend` and returns the plain arrays it produced, checking that it left no tensor
 * and no backend buffer behind (unless `checkLeaks` is false).
 */
export async function on<T>(backend: Backend, body: () => Promise<T> | T, checkLeaks = true): Promise<T> {
  await tf.setBackend(backend);
  const tensors = tf.memory().numTensors;
  const buffers = tf.engine().backend.numDataIds();
  const result = await body();
  if (checkLeaks) {
    expect(tf.memory().numTensors, `tensors leaked on ${backend}`).toBe(tensors);
    expect(tf.engine().backend.numDataIds(), `buffers leaked on ${backend}`).toBe(buffers);
  }
  return result;
}

/** The gradients of `f` at `inputs` (given as shape + values), computed with `tf.grads` on `backend`. */
export function gradients(
  backend: Backend,
  f: (...xs: tf.Tensor[]) => tf.Tensor,
  inputs: [number[], Float32Array][],
): Promise<Float32Array[]> {
  return on(backend, async () => {
    const xs = inputs.map(([shape, values]) => tf.tensor(values, shape));
    const gs = tf.grads(f)(xs);
    const arrays = await Promise.all(gs.map((g) => g.data<'float32'>()));
    tf.dispose([...xs, ...gs]);
    return arrays;
  });
}

/** Runs one kernel directly (the op layer would refuse some attrs) and returns its output values. */
export function kernel(backend: Backend, name: string, inputs: Record<string, [number[], Float32Array | Int32Array]>, attrs: object) {
  return on(backend, async () => {
    const tensors = Object.fromEntries(
      Object.entries(inputs).map(([k, [shape, values]]) => [
        k,
        tf.tensor(values, shape, values instanceof Int32Array ? 'int32' : 'float32'),
      ]),
    );
    const out = tf.engine().runKernel(name, tensors, attrs as tf.NamedAttrMap) as tf.Tensor;
    const result = { shape: out.shape, values: await out.data() };
    tf.dispose([out, ...Object.values(tensors)]);
    return result;
  });
}

/** Largest element-wise difference relative to the largest reference magnitude. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return scale === 0 ? diff : diff / scale;
}

/** Asserts `actual` matches `expected` to `tolerance`, relative to the reference's magnitude. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-4, what = 'values'): void {
  const error = relativeError(actual, expected);
  expect(error, `${what}: relative error ${error.toExponential(2)}`).toBeLessThanOrEqual(tolerance);
}
