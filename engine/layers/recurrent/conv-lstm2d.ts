import { z } from 'zod';
import type { Shape } from '../../shape';
import { checkPositive, convOutputLength, dataFormat, intTuple, padding, positiveInt } from '../common';
import { defineLayer } from '../spec';
import { recurrentActivation, recurrentArgs, recurrentFields, sequenceFlags, unitForgetBias } from './rnn-params';
import { stepsOf, unknownFeatures } from './rnn-shape';

const fmt = (s: Shape) => `(${s.map((d) => d ?? 'None').join(', ')})`;

export const convLstm2d = defineLayer({
  type: 'convLstm2d',
  label: 'ConvLSTM2D',
  category: 'recurrent',
  doc: 'An LSTM whose gates are convolutions: it reads a sequence of images (frames of a video, radar or weather maps) step by step and keeps a memory that is itself an image, so it learns both where things are and how they move. Use it to forecast the next frames or classify clips; it is far heavier than an LSTM on flattened frames, so keep frames small and filters few.',
  params: z
    .object({
      filters: positiveInt(16, 'Number of filters: channels of the memory and of each output frame.'),
      kernelSize: intTuple(
        2,
        3,
        'Height and width of each filter, for both the input and the state convolutions. 3×3 is the common choice.',
      ),
      strides: intTuple(2, 1, 'Step between filter positions on the input frames. 2 halves the height and width.'),
      padding: padding(),
      dataFormat: dataFormat(),
      dilationRate: intTuple(2, 1, 'Spacing between filter taps on the input frames; cannot be combined with strides > 1.'),
      ...recurrentFields(),
      recurrentActivation: recurrentActivation(),
      unitForgetBias: unitForgetBias(),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 5, maxRank: 5 },
  outputCount: (p) => (p.returnState ? 3 : 1),
  outputShape: ([input], p) => {
    const x = input ?? [];
    if (x.length !== 5) {
      return {
        code: 'rank_mismatch',
        port: 0,
        message: `ConvLSTM2D reads sequences of images (steps, height, width, channels), but its input has shape ${fmt(x.slice(1))}.`,
        hint:
          x.length < 5
            ? 'Add a Reshape before it that adds the missing axes, e.g. (steps, height, width, 1) for grey frames.'
            : 'Add a Reshape before it so each sample is (steps, height, width, channels).',
      };
    }
    const first = p.dataFormat === 'channelsFirst';
    const channels = first ? x[2] : x[4];
    if (channels === null || channels === undefined) return unknownFeatures('ConvLSTM2D', 'channel axis');
    if (p.strides.some((s) => s > 1) && p.dilationRate.some((d) => d > 1)) {
      return {
        code: 'invalid_param',
        field: 'dilationRate',
        message: 'ConvLSTM2D cannot combine strides > 1 with a dilation rate > 1.',
        hint: 'Set one of them to 1.',
      };
    }
    const [h, w] = first ? [x[3], x[4]] : [x[2], x[3]];
    const oh = convOutputLength(h ?? null, p.kernelSize[0] ?? 1, p.padding, p.strides[0] ?? 1, p.dilationRate[0]);
    const ow = convOutputLength(w ?? null, p.kernelSize[1] ?? 1, p.padding, p.strides[1] ?? 1, p.dilationRate[1]);
    const frame: Shape = first ? [p.filters, oh, ow] : [oh, ow, p.filters];
    const batch = x[0] ?? null;
    const output: Shape = p.returnSequences ? [batch, x[1] ?? null, ...frame] : [batch, ...frame];
    const bad = checkPositive(output, 'ConvLSTM2D');
    if (bad) return bad;
    // Outputs: the output, then the hidden state h and the memory cell c, each one frame.
    return p.returnState ? [output, [batch, ...frame], [batch, ...frame]] : [output];
  },
  countParams: ([x], p) => {
    const channels = (p.dataFormat === 'channelsFirst' ? x?.[2] : x?.[4]) ?? 0;
    const taps = (p.kernelSize[0] ?? 1) * (p.kernelSize[1] ?? 1);
    const gates = 4 * p.filters;
    return { trainable: taps * channels * gates + taps * p.filters * gates + (p.useBias ? gates : 0), nonTrainable: 0 };
  },
  flops: ([x], [y], p) => {
    const channels = (p.dataFormat === 'channelsFirst' ? x?.[2] : x?.[4]) ?? 0;
    const frame = (y ?? []).slice(p.returnSequences ? 2 : 1);
    const positions = p.dataFormat === 'channelsFirst' ? (frame[1] ?? 0) * (frame[2] ?? 0) : (frame[0] ?? 0) * (frame[1] ?? 0);
    const taps = (p.kernelSize[0] ?? 1) * (p.kernelSize[1] ?? 1);
    // Per step: input and state convolutions for the four gates, their biases, and the LSTM update.
    const perStep = positions * (2 * taps * 4 * p.filters * (channels + p.filters) + (p.useBias ? 4 * p.filters : 0) + 9 * p.filters);
    return perStep * stepsOf(x);
  },
  build: (tf, p, { name, trainable }) =>
    tf.layers.convLstm2d({
      filters: p.filters,
      kernelSize: p.kernelSize,
      strides: p.strides,
      padding: p.padding as 'valid' | 'same',
      dataFormat: p.dataFormat,
      dilationRate: p.dilationRate as [number, number],
      ...recurrentArgs(tf, p),
      recurrentActivation: p.recurrentActivation,
      unitForgetBias: p.unitForgetBias,
      name,
      trainable,
    }),
  keras: { className: 'ConvLSTM2D' },
  // Theano-trained files hold both kernels flipped (Theano convolves where TensorFlow correlates).
  weightLayouts: { kerasH5: { theanoFlipped: ['kernel', 'recurrent_kernel'] } },
  summary: (p) =>
    `${p.filters} · ${p.kernelSize.join('×')}${p.strides.some((s) => s > 1) ? ` /${p.strides.join('×')}` : ''}${sequenceFlags(p)}`,
});
