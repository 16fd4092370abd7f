import { z } from 'zod';
import { positiveInt } from '../common';
import { defineLayer } from '../spec';
import { recurrentActivation, recurrentArgs, recurrentFields, sequenceFlags, unroll } from './rnn-params';
import { gatedFlops, gatedParamCount, sequenceInputs, sequenceOutputShapes } from './rnn-shape';

/**
 * TF.js 4.22 builds only the original GRU (reset gate applied before the recurrent product): its
 * GRUCell throws on `resetAfter: true` and always saves `reset_after: false`. TF 2 Keras defaults to
 * `reset_after=True` (the cuDNN variant, with a doubled bias), so such files cannot load in TF.js. The
 * param mirrors that: it only accepts false, turns a file's `true` into a clear diagnostic, and makes
 * exports say `reset_after: false` so Keras builds the same layer (and the same weight shapes).
 */
const resetAfter = () =>
  z
    .literal(false, {
      error:
        'TF.js cannot build a GRU with reset_after = true (the default of TF 2 Keras); only the original GRU (reset_after = false) is supported.',
    })
    .default(false)
    .describe(
      'Keras\'s "reset after" GRU variant. TF.js only has the original GRU, so this stays off; re-save a Keras model with GRU(reset_after=False) to import it.',
    );

export const gru = defineLayer({
  type: 'gru',
  label: 'GRU',
  category: 'recurrent',
  doc: 'Gated recurrent unit: a recurrent layer that reads a sequence step by step with a single state and two learned gates (update and reset) deciding what to keep and what to overwrite. It remembers long-range patterns almost as well as an LSTM with a quarter fewer weights, so it trains faster and overfits less on small data sets; an LSTM can still win on long, complex sequences.',
  params: z
    .object({
      units: positiveInt(32, 'Size of the state carried from step to step, and of the output.'),
      ...recurrentFields(),
      recurrentActivation: recurrentActivation(),
      resetAfter: resetAfter(),
      unroll: unroll(),
    })
    .strict(),
  inputs: sequenceInputs(1),
  outputCount: (p) => (p.returnState ? 2 : 1),
  outputShape: ([x, ...states], p) => sequenceOutputShapes('GRU', x ?? [], p.units, 1, p, states),
  countParams: ([x], p) => ({ trainable: gatedParamCount(x?.[2] ?? 0, p.units, 3, p.useBias), nonTrainable: 0 }),
  // Per step: three gate activations, the reset product, and the three-term state update.
  flops: ([x], _outputs, p) => gatedFlops(x, p.units, 3, p.useBias, 7),
  build: (tf, p, { name, trainable }) =>
    tf.layers.gru({
      units: p.units,
      ...recurrentArgs(tf, p),
      recurrentActivation: p.recurrentActivation,
      unroll: p.unroll,
      name,
      trainable,
    }),
  keras: { className: 'GRU' },
  weightLayouts: { kerasH5: { keras1Gates: 'zrh' } },
  summary: (p) => `${p.units}${sequenceFlags(p)}`,
});
