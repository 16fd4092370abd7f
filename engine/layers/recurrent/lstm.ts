import { z } from 'zod';
import { positiveInt } from '../common';
import { defineLayer } from '../spec';
import { recurrentActivation, recurrentArgs, recurrentFields, sequenceFlags, unitForgetBias, unroll } from './rnn-params';
import { gatedFlops, gatedParamCount, sequenceInputs, sequenceOutputShapes } from './rnn-shape';

export const lstm = defineLayer({
  type: 'lstm',
  label: 'LSTM',
  category: 'recurrent',
  doc: 'Long short-term memory: a recurrent layer that reads a sequence step by step and keeps two states, a short-term output and a long-term memory cell guarded by learned input, forget and output gates. It remembers across hundreds of steps, which makes it the safe default for text, signals and time series. It has a third more weights than a GRU of the same size; try a GRU when data or compute is scarce. Its states (output, then memory cell) can be taken out with returnState.',
  params: z
    .object({
      units: positiveInt(32, 'Size of the memory and of the output at each step.'),
      ...recurrentFields(),
      recurrentActivation: recurrentActivation(),
      unitForgetBias: unitForgetBias(),
      unroll: unroll(),
    })
    .strict(),
  inputs: sequenceInputs(2),
  // Outputs: the output, then the hidden state h and the memory cell c.
  outputCount: (p) => (p.returnState ? 3 : 1),
  outputShape: ([x, ...states], p) => sequenceOutputShapes('LSTM', x ?? [], p.units, 2, p, states),
  countParams: ([x], p) => ({ trainable: gatedParamCount(x?.[2] ?? 0, p.units, 4, p.useBias), nonTrainable: 0 }),
  // Per step: four gate activations, the cell update (3), tanh of the cell and the output product.
  flops: ([x], _outputs, p) => gatedFlops(x, p.units, 4, p.useBias, 9),
  build: (tf, p, { name, trainable }) =>
    tf.layers.lstm({
      units: p.units,
      ...recurrentArgs(tf, p),
      recurrentActivation: p.recurrentActivation,
      unitForgetBias: p.unitForgetBias,
      unroll: p.unroll,
      name,
      trainable,
    }),
  keras: { className: 'LSTM' },
  weightLayouts: { kerasH5: { keras1Gates: 'ifco' } },
  summary: (p) => `${p.units}${sequenceFlags(p)}`,
});
