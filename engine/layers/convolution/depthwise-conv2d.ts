import { z } from 'zod';
import { activation, dataFormat, padding } from '../common';
import { defineLayer } from '../spec';
import { biasArgs, biasWeights, convSummary, depthMultiplier, depthwiseArgs, depthwiseWeights, kernelSize, strides } from './conv-params';
import { type ConvRule, convShape, filterBank } from './conv-rule';
import { spatialVolume } from './spatial';

const rule: ConvRule = { label: 'DepthwiseConv2D', n: 2 };

/** TF.js 4.22 ignores the dilation rate of this layer (in its shapes and when it runs), so there is none to set. */
export const depthwiseConv2d = defineLayer({
  type: 'depthwiseConv2d',
  label: 'DepthwiseConv2D',
  category: 'convolution',
  doc: 'Filters each channel of an image on its own, with its own small filter, instead of mixing all channels as Conv2D does. It needs far fewer weights and operations, and is the first half of the separable convolutions used by mobile-sized models such as MobileNet; follow it with a 1×1 Conv2D to mix the channels.',
  params: z
    .object({
      kernelSize: kernelSize(2),
      strides: strides(2),
      padding: padding(),
      dataFormat: dataFormat(),
      depthMultiplier: depthMultiplier(),
      activation: activation('linear'),
      ...depthwiseWeights(),
      ...biasWeights(),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 4, maxRank: 4 },
  outputShape: ([x], p) => convShape(x, { ...rule, outChannels: (channels) => channels * p.depthMultiplier }, p),
  countParams: ([x], p) => {
    const { channels, taps } = filterBank(x, 2, p);
    const outputs = channels * p.depthMultiplier;
    return { trainable: taps * outputs + (p.useBias ? outputs : 0), nonTrainable: 0 };
  },
  flops: ([x], [y], p) => {
    const { channels, taps } = filterBank(x, 2, p);
    return 2 * spatialVolume(y, 2, p.dataFormat) * taps * channels * p.depthMultiplier;
  },
  build: (tf, p, { name, trainable }) =>
    tf.layers.depthwiseConv2d({
      kernelSize: p.kernelSize as [number, number],
      strides: p.strides,
      padding: p.padding as 'valid' | 'same',
      dataFormat: p.dataFormat,
      depthMultiplier: p.depthMultiplier,
      activation: p.activation,
      ...depthwiseArgs(tf, p),
      ...biasArgs(tf, p),
      name,
      trainable,
    }),
  keras: { className: 'DepthwiseConv2D' },
  summary: (p) => convSummary(p, p.depthMultiplier > 1 ? `×${p.depthMultiplier}` : undefined),
});
