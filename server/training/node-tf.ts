import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmGradientKernels } from '@/engine/backends';

let ready: Promise<typeof tf> | undefined;

/**
 * TF.js for server training: the wasm backend (SIMD) with the gradient kernels it lacks registered,
 * including the faster composed Conv2D input gradient, so CNNs train ~40× faster than on cpu.
 * Falls back to cpu only if wasm cannot start.
 */
export function nodeTf(): Promise<typeof tf> {
  ready ??= (async () => {
    registerWasmGradientKernels(tf, { replaceConv2DBackpropInput: true });
    try {
      if (!(await tf.setBackend('wasm'))) throw new Error('wasm unavailable');
    } catch {
      await tf.setBackend('cpu');
    }
    await tf.ready();
    return tf;
  })();
  return ready;
}
