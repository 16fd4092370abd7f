import type { KernelConfig } from '@tensorflow/tfjs-core';
import type { Tf } from './kernels/composed-kernel';
import { conv2dBackpropFilter } from './kernels/conv2d-backprop-filter';
import { depthwiseConv2dNativeBackpropFilter } from './kernels/depthwise-backprop-filter';
import { depthwiseConv2dNativeBackpropInput } from './kernels/depthwise-backprop-input';
import { unsortedSegmentSum } from './kernels/unsorted-segment-sum';

/**
 * Kernels that training needs and tfjs-backend-wasm 4.22 lacks, each composed from kernels it has:
 * the filter gradient of `conv2d`, both gradients of `depthwiseConv2d` (and so of separable
 * convolutions), and the gradient of `gather` (Embedding layers).
 */
const WASM_GRADIENT_KERNELS: readonly ((tf: Tf) => KernelConfig)[] = [
  conv2dBackpropFilter,
  depthwiseConv2dNativeBackpropFilter,
  depthwiseConv2dNativeBackpropInput,
  unsortedSegmentSum,
];

/**
 * Registers the missing training kernels for the `wasm` backend. Safe to call any number of times,
 * before or after the backend is set: a kernel already registered for `wasm` (by an earlier call, or
 * natively by a later tfjs-backend-wasm) is left alone.
 *
 * @returns The names of the kernels this call registered.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import '@tensorflow/tfjs-backend-wasm';
 * registerWasmGradientKernels(tf);
 * await tf.setBackend('wasm');
 * await model.fit(xs, ys); // conv2d, depthwiseConv2d and embedding layers now train on wasm
 */
export function registerWasmGradientKernels(tf: Tf): string[] {
  const added: string[] = [];
  for (const make of WASM_GRADIENT_KERNELS) {
    const config = make(tf);
    if (tf.getKernel(config.kernelName, config.backendName) != null) continue;
    tf.registerKernel(config);
    added.push(config.kernelName);
  }
  return added;
}
