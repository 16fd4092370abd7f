import type * as tfc from '@tensorflow/tfjs-core';
import type { KernelBackend, Tensor, TensorInfo } from '@tensorflow/tfjs-core';

/** The TF.js namespace the kernels run their ops through (`@tensorflow/tfjs` or `@tensorflow/tfjs-core`). */
export type Tf = typeof tfc;

/**
 * Runs `body` with the kernel's inputs as tensors and returns its result as the kernel's output.
 *
 * The ops inside `body` go through the engine like any other op, so they dispatch to the active
 * backend's kernels and their intermediates are freed by `tidy`. The engine does not record them on
 * a gradient tape: it switches the tape off while a kernel runs. The result's data gets one extra
 * reference before its tensor is disposed, so the engine can hand that data to the tensor it makes
 * for the kernel output without it being freed underneath.
 */
export function runComposed(tf: Tf, backend: KernelBackend, inputs: TensorInfo[], body: (...tensors: Tensor[]) => Tensor): TensorInfo {
  const result = tf.tidy(() => body(...inputs.map((info) => asTensor(tf, backend, info))));
  backend.incRef(result.dataId);
  const output: TensorInfo = { dataId: result.dataId, shape: result.shape, dtype: result.dtype };
  result.dispose();
  return output;
}

/**
 * Ops called through `engine.runKernel` pass tensors; a backend calling the kernel function directly
 * may pass bare `TensorInfo`s, which get a temporary tensor (holding its own reference, released by
 * the surrounding `tidy`).
 */
function asTensor(tf: Tf, backend: KernelBackend, info: TensorInfo): Tensor {
  if (info instanceof tf.Tensor) return info;
  backend.incRef(info.dataId);
  return tf.engine().makeTensorFromTensorInfo(info, backend);
}
