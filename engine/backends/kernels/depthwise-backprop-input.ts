import type { DepthwiseConv2dNativeBackpropInputAttrs, KernelBackend, KernelConfig, Tensor4D } from '@tensorflow/tfjs-core';
import { runComposed, type Tf } from './composed-kernel';
import { inputGradientWindow, pair } from './conv-geometry';

/**
 * `DepthwiseConv2dNativeBackpropInput` (the input gradient of `depthwiseConv2d`) built from kernels the
 * wasm backend has.
 *
 * `dx[n,r,s,c] = Σ_{a,b,q} dyz[n, r+pt−a·dh, s+pl−b·dw, c·m+q] · f[a,b,c,q]`, where `dyz` is `dy` with its
 * rows and columns spread `(sh,sw)` apart by zeros and `pt`/`pl` the forward padding. Flipping the
 * filter turns this into a stride-1 correlation with dilation `(dh,dw)` of `dyz` padded by
 * `(fh−1)·dh − pt` on top (likewise left, and up to the input size at the bottom/right): one depthwise
 * convolution with multiplier 1 over the `c·m` gradient channels, then a sum over `q`.
 */
export function depthwiseConv2dNativeBackpropInput(tf: Tf): KernelConfig {
  return {
    kernelName: tf.DepthwiseConv2dNativeBackpropInput,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, filter } = inputs;
      const { strides, dilations, pad, dimRoundingMode, inputShape } = attrs as unknown as DepthwiseConv2dNativeBackpropInputAttrs;
      const info = tf.backend_util.computeConv2DInfo(
        inputShape,
        filter!.shape as [number, number, number, number],
        strides,
        pair(dilations),
        pad,
        dimRoundingMode,
        true,
      );
      const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw, filterHeight: fh, filterWidth: fw } = info;
      const [n, h, w, channels] = inputShape;
      const multiplier = filter!.shape[3]!;

      return runComposed(tf, backend as KernelBackend, [dy!, filter!], (dy4, f4) => {
        const window = inputGradientWindow(tf, dy4 as Tensor4D, {
          h,
          w,
          fh,
          fw,
          sh,
          sw,
          dh,
          dw,
          top: info.padInfo.top,
          left: info.padInfo.left,
        });
        const flipped = tf.reshape(tf.reverse(f4, [0, 1]), [fh, fw, channels * multiplier, 1]) as Tensor4D;
        const full = tf.depthwiseConv2d(window, flipped, 1, 'valid', 'NHWC', [dh, dw]);
        return multiplier === 1 ? full : tf.sum(tf.reshape(full, [n, h, w, channels, multiplier]), 4);
      });
    },
  };
}
