import type { Conv2DBackpropInputAttrs, KernelBackend, KernelConfig, Tensor4D } from '@tensorflow/tfjs-core';
import { runComposed, type Tf } from './composed-kernel';
import { inputGradientWindow } from './conv-geometry';

/**
 * `Conv2DBackpropInput` (the input gradient of `conv2d`, and `conv2dTranspose`) as one wasm `Conv2D`.
 * wasm has this kernel, but as a direct loop that runs 8–16× slower than the forward convolution;
 * XNNPACK's convolution does it in about the forward time. Registered only on request.
 *
 * `dx[n,r,s,c] = Σ_{a,b,o} dyz[n, r+pt−a, s+pl−b, o] · f[a,b,c,o]` with `dyz` the stride-spread `dy`:
 * a 'valid' convolution of the padded `dyz` (see {@link inputGradientWindow}) with the filter flipped
 * in both spatial axes and its in/out channels swapped (`[fh, fw, o, c]`). NCHW is transposed to
 * NHWC and back. The op has no dilation attr.
 */
export function conv2dBackpropInput(tf: Tf): KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropInput,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, filter } = inputs;
      const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as Conv2DBackpropInputAttrs;
      const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
      const info = tf.backend_util.computeConv2DInfo(
        inputShape,
        filter!.shape as [number, number, number, number],
        strides,
        1,
        pad,
        dimRoundingMode,
        false,
        format,
      );
      const { inHeight: h, inWidth: w, filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw } = info;
      const channelsLast = format === 'channelsLast';

      return runComposed(tf, backend as KernelBackend, [dy!, filter!], (dy4, f4) => {
        const grad = channelsLast ? (dy4 as Tensor4D) : tf.transpose(dy4 as Tensor4D, [0, 2, 3, 1]);
        const window = inputGradientWindow(tf, grad, {
          h,
          w,
          fh,
          fw,
          sh,
          sw,
          dh: 1,
          dw: 1,
          top: info.padInfo.top,
          left: info.padInfo.left,
        });
        const flipped = tf.transpose(tf.reverse(f4, [0, 1]), [0, 1, 3, 2]) as Tensor4D;
        const dx = tf.conv2d(window, flipped, 1, 'valid');
        return channelsLast ? dx : tf.transpose(dx, [0, 3, 1, 2]);
      });
    },
  };
}
