import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

let ready: Promise<typeof tf> | undefined;

/**
 * TF.js on the wasm backend (with the training kernels it lacks registered), falling back to cpu.
 * Node has no WebGL; tfjs-node is not used because it needs a native download.
 */
export function loadTf(): Promise<typeof tf> {
  ready ??= (async () => {
    try {
      const { registerWasmGradientKernels } = await import('../engine/backends/wasm-gradients');
      // The composed input gradient is tested against cpu and trains CNNs ~1.7× faster than wasm's own.
      registerWasmGradientKernels(tf, { replaceConv2DBackpropInput: true });
      if (!(await tf.setBackend('wasm'))) throw new Error('wasm unavailable');
    } catch {
      await tf.setBackend('cpu');
    }
    await tf.ready();
    return tf;
  })();
  return ready;
}
