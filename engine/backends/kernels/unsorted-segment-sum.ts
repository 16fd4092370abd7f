import type { KernelBackend, KernelConfig, UnsortedSegmentSumAttrs } from '@tensorflow/tfjs-core';
import { runComposed, type Tf } from './composed-kernel';

/**
 * `UnsortedSegmentSum` (the gradient of `gather`, so of an Embedding layer) built from kernels the
 * wasm backend has.
 *
 * `out[k, …] = Σ_{j : ids[j] = k} x[j, …]` is a scatter-add: `scatterND` sums the updates of repeated
 * indices, so one call over the `n` rows costs O(n·d) work and only the `numSegments·d` output in
 * memory (a 10k×64 embedding needs 2.5 MB, where a one-hot matmul would need an n×10k matrix).
 * Ids outside `[0, numSegments)` contribute nothing, as in TensorFlow: their rows are zeroed and sent
 * to segment 0, because wasm's scatter would write outside its buffer. Ids of rank r sum over the
 * first r axes of `x` (TensorFlow's rule; TF.js's own ops only pass rank-1 ids).
 */
export function unsortedSegmentSum(tf: Tf): KernelConfig {
  return {
    kernelName: tf.UnsortedSegmentSum,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, segmentIds } = inputs;
      const { numSegments } = attrs as unknown as UnsortedSegmentSumAttrs;

      return runComposed(tf, backend as KernelBackend, [x!, segmentIds!], (data, ids) => {
        const rows = ids.size;
        const rowShape = data.shape.slice(ids.rank);
        const outShape = [numSegments, ...rowShape];
        if (rows === 0 || numSegments === 0) return tf.zeros(outShape, data.dtype);
        const flatIds = tf.reshape(ids, [rows]);
        const valid = tf.logicalAnd(tf.greaterEqual(flatIds, 0), tf.less(flatIds, numSegments));
        const target = tf.reshape(tf.where(valid, flatIds, tf.zerosLike(flatIds)), [rows, 1]);
        const mask = tf.reshape(tf.cast(valid, data.dtype), [rows, ...rowShape.map(() => 1)]);
        const updates = tf.mul(tf.reshape(data, [rows, ...rowShape]), mask);
        return tf.scatterND(target, updates, outShape);
      });
    },
  };
}
