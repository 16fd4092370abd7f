import { z } from 'zod';
import { padding } from '../common';
import { defineLayer } from '../spec';
import { convArgs, convFields } from './conv-params';
import { convolutionRules } from './conv-rule';
import { keras1Conv1dLayout } from './keras1-kernels';

/**
 * TF.js's Conv1D has no usable data format: it drops it when saving and runs channels-first input as
 * if it were channels-last. So this spec is channels-last only.
 */
const { dataFormat: _channelsLastOnly, ...fields } = convFields(1);

export const conv1d = defineLayer({
  type: 'conv1d',
  label: 'Conv1D',
  category: 'convolution',
  doc: 'Slides learned filters along a sequence (time series, audio, text embeddings) and outputs one feature track per filter, each detecting a local pattern wherever it occurs. A fast alternative to recurrent layers for spotting short motifs; stack several, or raise the dilation, to see further back.',
  params: z
    .object({
      ...fields,
      padding: padding(['valid', 'same', 'causal']).describe(
        '"valid" uses only whole windows, so the output shrinks; "same" pads the ends so the length is kept (divided by the stride). "causal" comes from Keras files: TF.js 4.22 sizes it like "valid" and cannot run it, so prefer "valid" or "same".',
      ),
    })
    .strict(),
  ...convolutionRules({ label: 'Conv1D', n: 1 }),
  caveat: (_inputs, p) =>
    p.padding === 'causal'
      ? {
          severity: 'error',
          code: 'unsupported_feature',
          field: 'padding',
          message: 'TF.js 4.22 cannot run a Conv1D with "causal" padding (its kernel does not implement it).',
          hint: 'Use "valid" padding, or add ZeroPadding before it on the left only and use "valid".',
        }
      : null,
  build: (tf, p, context) => tf.layers.conv1d(convArgs(tf, p, context)),
  keras: { className: 'Conv1D' },
  weightLayouts: { kerasH5: keras1Conv1dLayout },
});
