import type { DepthwiseConv2dNativeBackpropFilterAttrs, KernelBackend, KernelConfig, Rank, Tensor4D } from '@tensorflow/tfjs-core';
import { runComposed, type Tf } from './composed-kernel';
import { padOrCrop, pair } from './conv-geometry';

/**
 * `DepthwiseConv2dNativeBackpropFilter` (the filter gradient of `depthwiseConv2d`) built from kernels
 * the wasm backend has.
 *
 * With `xp` the padded input and `m` the channel multiplier,
 * `dF[a,b,c,q] = Σ_{n,i,j} xp[n, i·sh+a·dh, j·sw+b·dw, c] · dy[n,i,j,c·m+q]`: per (image, channel) pair a
 * correlation of the image with its own output gradient, summed over images. Stacking the pairs as
 * the channels of one image (`[1, H, W, n·c]`) and the gradients as a depthwise filter
 * (`[oh, ow, n·c, m]`), one depthwise convolution with stride `(dh,dw)` and dilation `(sh,sw)` gives all
 * of them (`[1, fh, fw, n·c·m]`); a sum over `n` leaves `[fh, fw, c, m]`.
 */
export function depthwiseConv2dNativeBackpropFilter(tf: Tf): KernelConfig {
  return {
    kernelName: tf.DepthwiseConv2dNativeBackpropFilter,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs;
      const { strides, dilations, pad, dimRoundingMode, filterShape } = attrs as unknown as DepthwiseConv2dNativeBackpropFilterAttrs;
      const info = tf.backend_util.computeConv2DInfo(
        x!.shape as [number, number, number, number],
        filterShape,
        strides,
        pair(dilations),
        pad,
        dimRoundingMode,
        true,
      );
      const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw, filterHeight: fh, filterWidth: fw } = info;
      const { top, left } = info.padInfo;
      const [, , channels, multiplier] = filterShape;

      return runComposed(tf, backend as KernelBackend, [x!, dy!], (x4, dy4) => {
        const [n, h, w] = x4.shape as [number, number, number, number];
        const [, oh, ow] = dy4.shape as [number, number, number, number];
        const spanH = (fh - 1) * dh + (oh - 1) * sh + 1;
        const spanW = (fw - 1) * dw + (ow - 1) * sw + 1;
        const window = padOrCrop(tf, x4 as Tensor4D, [
          [0, 0],
          [top, spanH - top - h],
          [left, spanW - left - w],
          [0, 0],
        ]);
        const stacked = tf.reshape<Rank.R4>(tf.transpose(window, [1, 2, 0, 3]), [1, spanH, spanW, n * channels]);
        const taps = tf.reshape(tf.transpose(dy4, [1, 2, 0, 3]), [oh, ow, n * channels, multiplier]);
        // A stride or dilation only matters along an axis with more than one output or tap.
        const stride: [number, number] = [fh > 1 ? dh : 1, fw > 1 ? dw : 1];
        const dilation: [number, number] = [oh > 1 ? sh : 1, ow > 1 ? sw : 1];
        const perImage = correlate(tf, stacked, taps as Tensor4D, stride, dilation);
        return tf.reshape(tf.sum(tf.reshape(perImage, [fh, fw, n, channels * multiplier]), 2), filterShape);
      });
    },
  };
}

/** TF.js's depthwise op accepts strides or dilations above 1, not both: then stride 1 and subsample. */
function correlate(tf: Tf, x: Tensor4D, filter: Tensor4D, stride: [number, number], dilation: [number, number]): Tensor4D {
  const strided = stride[0] > 1 || stride[1] > 1;
  const dilated = dilation[0] > 1 || dilation[1] > 1;
  if (!(strided && dilated)) return tf.depthwiseConv2d(x, filter, stride, 'valid', 'NHWC', dilation);
  const dense = tf.depthwiseConv2d(x, filter, 1, 'valid', 'NHWC', dilation);
  return tf.stridedSlice(dense, [0, 0, 0, 0], dense.shape, [1, stride[0], stride[1], 1]) as Tensor4D;
}
