import type { KernelConfig } from '@tensorflow/tfjs-core';
import type { Tf } from './kernels/composed-kernel';
import { conv2dBackpropFilter } from './kernels/conv2d-backprop-filter';
import { conv2dBackpropInput } from './kernels/conv2d-backprop-input';
import { depthwiseConv2dNativeBackpropFilter } from './kernels/depthwise-backprop-filter';
import { depthwiseConv2dNativeBackpropInput } from './kernels/depthwise-backprop-input';
import { unsortedSegmentSum } from './kernels/unsorted-segment-sum';

/**
 * Kernels that training needs and tfjs-backend-wasm 4.22 lacks, each composed from kernels it has:
 * the filter gradient of `conv2d`, both gradients of `depthwiseConv2d` (and so of separable
 * convolutions), and the gradient of `gather` (Embedding layers).
 */
const MISSING: readonly ((tf: Tf) => KernelConfig)[] = [
  conv2dBackpropFilter,
  depthwiseConv2dNativeBackpropFilter,
  depthwiseConv2dNativeBackpropInput,
  unsortedSegmentSum,
];

/** Marks configs registered here, so a repeated call can tell them from wasm's own kernels. */
const COMPOSED = Symbol.for('netcanvas.composedWasmKernel');
type Marked = KernelConfig & { [COMPOSED]?: true };

export interface WasmGradientOptions {
  /**
   * Also replace wasm's own `Conv2DBackpropInput` (a plain loop, 8–16× slower than the forward
   * convolution it differentiates) with one built on XNNPACK's convolution, 2–6× faster (see
   * `bench/wasm-conv.ts`). Off by default because it overrides a kernel the backend ships.
   */
  replaceConv2DBackpropInput?: boolean;
}

/**
 * Registers the training kernels the `wasm` backend lacks. Safe to call any number of times,
 * before or after the backend is set: a kernel already registered for `wasm` (by an earlier call, or
 * natively by a later tfjs-backend-wasm) is left alone, except for the opt-in replacement.
 *
 * @returns The names of the kernels this call registered.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import '@tensorflow/tfjs-backend-wasm';
 * registerWasmGradientKernels(tf);
 * await tf.setBackend('wasm');
 * await model.fit(xs, ys); // conv2d, depthwiseConv2d and embedding layers now train on wasm
 */
export function registerWasmGradientKernels(tf: Tf, options: WasmGradientOptions = {}): string[] {
  const added: string[] = [];
  const register = (config: Marked) => {
    tf.registerKernel({ ...config, [COMPOSED]: true } as Marked);
    added.push(config.kernelName);
  };
  for (const make of MISSING) {
    const config = make(tf);
    if (tf.getKernel(config.kernelName, config.backendName) == null) register(config);
  }
  if (options.replaceConv2DBackpropInput) {
    const config = conv2dBackpropInput(tf);
    const current = tf.getKernel(config.kernelName, config.backendName) as Marked | undefined;
    if (current?.[COMPOSED] !== true) {
      if (current) tf.unregisterKernel(config.kernelName, config.backendName);
      register(config);
    }
  }
  return added;
}
