import { z } from 'zod';
import { positiveInt } from '../common';
import { defineLayer } from '../spec';
import { recurrentArgs, recurrentFields, sequenceFlags, unroll } from './rnn-params';
import { gatedFlops, gatedParamCount, sequenceInputs, sequenceOutputShapes } from './rnn-shape';

export const simpleRnn = defineLayer({
  type: 'simpleRnn',
  label: 'SimpleRNN',
  category: 'recurrent',
  doc: 'The plainest recurrent layer: it reads a sequence one step at a time and keeps a running state that mixes the current step with the previous state. Cheap and easy to understand, but it forgets quickly — gradients fade over long sequences — so it suits short sequences and teaching; prefer LSTM or GRU when what matters lies many steps back.',
  params: z
    .object({
      units: positiveInt(32, 'Size of the state carried from step to step, and of the output.'),
      ...recurrentFields(),
      unroll: unroll(),
    })
    .strict(),
  inputs: sequenceInputs(1),
  outputCount: (p) => (p.returnState ? 2 : 1),
  outputShape: ([x, ...states], p) => sequenceOutputShapes('SimpleRNN', x ?? [], p.units, 1, p, states),
  countParams: ([x], p) => ({ trainable: gatedParamCount(x?.[2] ?? 0, p.units, 1, p.useBias), nonTrainable: 0 }),
  // Per step: one activation per unit.
  flops: ([x], _outputs, p) => gatedFlops(x, p.units, 1, p.useBias, 1),
  build: (tf, p, { name, trainable }) =>
    tf.layers.simpleRNN({ units: p.units, ...recurrentArgs(tf, p), unroll: p.unroll, name, trainable }),
  keras: { className: 'SimpleRNN' },
  summary: (p) => `${p.units}${sequenceFlags(p)}`,
});
