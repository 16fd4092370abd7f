import { z } from 'zod';
import { activation, dataFormat, initializer, l1l2, padding, regularizer } from '../common';
import { defineLayer } from '../spec';
import {
  biasArgs,
  biasWeights,
  convSummary,
  depthMultiplier,
  depthwiseArgs,
  dilationRate,
  filters,
  kernelSize,
  strides,
} from './conv-params';
import { type ConvRule, convShape, filterBank } from './conv-rule';
import { spatialVolume } from './spatial';

const rule: ConvRule = { label: 'SeparableConv2D', n: 2 };

/**
 * TF.js 4.22 initialises the channel-mixing (pointwise) weights with the depthwise initializer, so
 * only that one is offered; and it cannot run channels-first input with a bias (it adds the bias on
 * the wrong axis), so that combination is reported instead of failing at training time.
 */
export const separableConv2d = defineLayer({
  type: 'separableConv2d',
  label: 'SeparableConv2D',
  category: 'convolution',
  doc: 'A Conv2D split in two cheaper steps: first each channel is filtered on its own (depthwise), then a 1×1 convolution mixes the channels into the requested number of filters (pointwise). It learns similar features with a fraction of the weights and operations, which is why mobile and efficient models (MobileNet, Xception) are built from it.',
  params: z
    .object({
      filters: filters(),
      kernelSize: kernelSize(2),
      strides: strides(2),
      padding: padding(),
      dataFormat: dataFormat(),
      dilationRate: dilationRate(2),
      depthMultiplier: depthMultiplier(),
      activation: activation('linear'),
      depthwiseInitializer: initializer('glorotUniform', 'filter weights').describe(
        'How the filter weights are set before training starts (TF.js uses it for the per-channel and the channel-mixing weights alike).',
      ),
      depthwiseRegularizer: regularizer('per-channel filter weights'),
      pointwiseRegularizer: regularizer('channel-mixing weights'),
      ...biasWeights(),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 4, maxRank: 4 },
  outputShape: ([x], p) => {
    if (p.dataFormat === 'channelsFirst' && p.useBias) {
      return {
        code: 'invalid_param',
        field: 'useBias',
        message: 'TF.js 4.22 cannot run a SeparableConv2D on channels-first input with a bias.',
        hint: 'Turn off useBias (a following BatchNormalization or Dense adds its own offset), or use channelsLast.',
      };
    }
    return convShape(x, rule, p);
  },
  countParams: ([x], p) => {
    const { channels, taps } = filterBank(x, 2, p);
    const middle = channels * p.depthMultiplier;
    return { trainable: taps * middle + middle * p.filters + (p.useBias ? p.filters : 0), nonTrainable: 0 };
  },
  flops: ([x], [y], p) => {
    const { channels, taps } = filterBank(x, 2, p);
    return 2 * spatialVolume(y, 2, p.dataFormat) * channels * p.depthMultiplier * (taps + p.filters);
  },
  build: (tf, p, { name, trainable }) =>
    tf.layers.separableConv2d({
      filters: p.filters,
      kernelSize: p.kernelSize,
      strides: p.strides,
      padding: p.padding as 'valid' | 'same',
      dataFormat: p.dataFormat,
      dilationRate: p.dilationRate as [number, number],
      depthMultiplier: p.depthMultiplier,
      activation: p.activation,
      ...depthwiseArgs(tf, p),
      pointwiseRegularizer: l1l2(tf, p.pointwiseRegularizer),
      ...biasArgs(tf, p),
      name,
      trainable,
    }),
  keras: { className: 'SeparableConv2D' },
  summary: (p) => convSummary(p, String(p.filters)),
});
