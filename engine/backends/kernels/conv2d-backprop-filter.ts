import type { Conv2DBackpropFilterAttrs, KernelBackend, KernelConfig, Tensor4D } from '@tensorflow/tfjs-core';
import { runComposed, type Tf } from './composed-kernel';
import { padOrCrop } from './conv-geometry';

/**
 * `Conv2DBackpropFilter` (the filter gradient of `conv2d`) built from kernels the wasm backend has.
 *
 * With `xp` the padded input, `dF[a,b,c,o] = Σ_{n,i,j} xp[n, i·sh+a, j·sw+b, c] · dy[n,i,j,o]`. Read
 * `c` as the batch, `n` as the input channel and `(i,j)` as filter taps spaced `(sh,sw)` apart, and
 * this is a stride-1 convolution with dilation `(sh,sw)` of `xp` as `[c, H, W, n]` with `dy` as
 * `[oh, ow, n, o]`, whose `[c, fh, fw, o]` output is transposed back to the filter layout. The input is
 * padded, or cropped of rows no output reads, to exactly `fh + (oh-1)·sh` rows (same for columns).
 * NCHW inputs are transposed to NHWC first. The op has no dilation attr (TF.js refuses gradients
 * of dilated `conv2d`).
 */
export function conv2dBackpropFilter(tf: Tf): KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropFilter,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs;
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Conv2DBackpropFilterAttrs;
      const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
      const info = tf.backend_util.computeConv2DInfo(
        x!.shape as [number, number, number, number],
        filterShape,
        strides,
        1,
        pad,
        dimRoundingMode,
        false,
        format,
      );
      const { strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw } = info;
      const { top, left } = info.padInfo;
      const toNhwc = (t: Tensor4D) => (format === 'channelsLast' ? t : tf.transpose(t, [0, 2, 3, 1]));

      return runComposed(tf, backend as KernelBackend, [x!, dy!], (x4, dy4) => {
        const input = toNhwc(x4 as Tensor4D);
        const grad = toNhwc(dy4 as Tensor4D);
        const [, h, w] = input.shape;
        const [, oh, ow] = grad.shape;
        const spanH = fh + (oh - 1) * sh;
        const spanW = fw + (ow - 1) * sw;
        const window = padOrCrop(tf, input, [
          [0, 0],
          [top, spanH - top - h],
          [left, spanW - left - w],
          [0, 0],
        ]);
        const perChannel = tf.conv2d(tf.transpose(window, [3, 1, 2, 0]), tf.transpose(grad, [1, 2, 0, 3]), 1, 'valid', 'NHWC', [
          oh > 1 ? sh : 1,
          ow > 1 ? sw : 1,
        ]);
        return tf.transpose(perChannel, [1, 2, 0, 3]);
      });
    },
  };
}
