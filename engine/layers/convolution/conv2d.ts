import { z } from 'zod';
import {
  activation,
  checkPositive,
  convOutputLength,
  dataFormat,
  expectRank,
  initializer,
  intTuple,
  l1l2,
  padding,
  positiveInt,
  regularizer,
  unknownDim,
  useBias,
} from '../common';
import { defineLayer } from '../spec';

export const conv2d = defineLayer({
  type: 'conv2d',
  label: 'Conv2D',
  category: 'convolution',
  doc: 'Slides small learned filters over an image and outputs one feature map per filter: edges and textures in early layers, shapes and parts in later ones. The basic building block of image models.',
  params: z
    .object({
      filters: positiveInt(32, 'Number of filters, i.e. output channels. Often doubles after each pooling step: 32, 64, 128.'),
      kernelSize: intTuple(2, 3, 'Height and width of each filter. 3×3 is the common choice.'),
      strides: intTuple(2, 1, 'Step between filter positions. 2 halves the height and width.'),
      padding: padding(),
      dataFormat: dataFormat(),
      dilationRate: intTuple(
        2,
        1,
        'Spacing between filter taps; >1 widens the view without more weights. Cannot be combined with strides > 1.',
      ),
      activation: activation('linear'),
      useBias: useBias(),
      kernelInitializer: initializer('glorotUniform', 'filter weights'),
      biasInitializer: initializer('zeros', 'biases'),
      kernelRegularizer: regularizer('filter weights'),
      biasRegularizer: regularizer('biases'),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 4, maxRank: 4 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    const rank = expectRank(shape, 4, 4, 'Conv2D');
    if (rank) return rank;
    if (p.strides.some((s) => s > 1) && p.dilationRate.some((d) => d > 1)) {
      return {
        code: 'invalid_param',
        field: 'dilationRate',
        message: 'Conv2D cannot combine strides > 1 with a dilation rate > 1.',
        hint: 'Set one of them to 1.',
      };
    }
    const first = p.dataFormat === 'channelsFirst';
    const channels = first ? shape[1] : shape[3];
    if (channels === null || channels === undefined) return unknownDim('Conv2D', 'channel axis');
    const [h, w] = first ? [shape[2], shape[3]] : [shape[1], shape[2]];
    const oh = convOutputLength(h ?? null, p.kernelSize[0] ?? 1, p.padding, p.strides[0] ?? 1, p.dilationRate[0]);
    const ow = convOutputLength(w ?? null, p.kernelSize[1] ?? 1, p.padding, p.strides[1] ?? 1, p.dilationRate[1]);
    const out = first ? [shape[0] ?? null, p.filters, oh, ow] : [shape[0] ?? null, oh, ow, p.filters];
    return checkPositive(out, 'Conv2D') ?? [out];
  },
  countParams: ([x], p) => {
    const channels = (p.dataFormat === 'channelsFirst' ? x?.[1] : x?.[3]) ?? 0;
    const kernel = (p.kernelSize[0] ?? 1) * (p.kernelSize[1] ?? 1) * channels * p.filters;
    return { trainable: kernel + (p.useBias ? p.filters : 0), nonTrainable: 0 };
  },
  flops: ([x], [y], p) => {
    const channels = (p.dataFormat === 'channelsFirst' ? x?.[1] : x?.[3]) ?? 0;
    const positions = p.dataFormat === 'channelsFirst' ? (y?.[2] ?? 0) * (y?.[3] ?? 0) : (y?.[1] ?? 0) * (y?.[2] ?? 0);
    return 2 * positions * p.filters * channels * (p.kernelSize[0] ?? 1) * (p.kernelSize[1] ?? 1);
  },
  build: (tf, p, { name, trainable }) =>
    tf.layers.conv2d({
      filters: p.filters,
      kernelSize: p.kernelSize,
      strides: p.strides,
      padding: p.padding as 'valid' | 'same',
      dataFormat: p.dataFormat,
      dilationRate: p.dilationRate as [number, number],
      activation: p.activation,
      useBias: p.useBias,
      kernelInitializer: p.kernelInitializer,
      biasInitializer: p.biasInitializer,
      kernelRegularizer: l1l2(tf, p.kernelRegularizer),
      biasRegularizer: l1l2(tf, p.biasRegularizer),
      name,
      trainable,
    }),
  keras: { className: 'Conv2D' },
  summary: (p) =>
    `${p.filters} · ${p.kernelSize.join('×')}${p.strides.some((s) => s > 1) ? ` /${p.strides.join('×')}` : ''}${p.activation === 'linear' ? '' : ` · ${p.activation}`}`,
});
