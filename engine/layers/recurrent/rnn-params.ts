import { z } from 'zod';
import { activation, biasParam, initializer, l1l2, regularizer } from '../common';
import type { Tf } from '../spec';

/**
 * Settings shared by every recurrent layer. Defaults are TF.js's, not Keras's: TF.js starts input
 * weights with glorotNormal (Keras: glorotUniform) and gates with hardSigmoid (Keras 2.3+: sigmoid).
 * Files always spell these out, so imports are unaffected; only new layers see the difference.
 */
export const recurrentFields = () => ({
  activation: activation('tanh').describe(
    'Function applied to the new state at each step. tanh, the default, keeps it between -1 and 1, which keeps long sequences stable.',
  ),
  useBias: biasParam(),
  kernelInitializer: initializer('glorotNormal', 'weights applied to each input step'),
  recurrentInitializer: initializer('orthogonal', 'weights applied to the previous state'),
  biasInitializer: initializer('zeros', 'biases'),
  kernelRegularizer: regularizer('input weights'),
  recurrentRegularizer: regularizer('recurrent (state-to-state) weights'),
  biasRegularizer: regularizer('biases'),
  dropout: fraction('Fraction of the inputs dropped at each step during training (0 = none), against overfitting.'),
  recurrentDropout: fraction('Fraction of the previous state dropped at each step during training (0 = none).'),
  returnSequences: z
    .boolean()
    .default(false)
    .describe(
      'Output the state after every step, (steps, units), instead of only the last one. Turn on when another recurrent layer or a per-step layer follows.',
    ),
  returnState: z
    .boolean()
    .default(false)
    .describe(
      'Also output the final state(s) as extra outputs after the main one, e.g. to start a decoder. Each extra output is its own port.',
    ),
  goBackwards: z.boolean().default(false).describe('Read the sequence from the last step to the first.'),
});

/** Gate activation of LSTM-style layers (the "recurrent activation"). */
export const recurrentActivation = () =>
  activation('hardSigmoid', 'the gates').describe(
    'Function that opens and closes the gates, between 0 and 1. TF.js uses hardSigmoid by default; Keras 2.3+ and cuDNN use sigmoid.',
  );

/** Keras's `unroll`: TF.js ignores it (and logs a warning when it is on); kept so exports say what the design asked for. */
export const unroll = () =>
  z
    .boolean()
    .default(false)
    .describe('Unroll the loop over steps (faster for short sequences in Keras, more memory). TF.js ignores it and logs a warning.');

/** Keras's `unit_forget_bias`; off by default in TF.js (Keras turns it on). */
export const unitForgetBias = () =>
  z
    .boolean()
    .default(false)
    .describe(
      'Start the forget gate biased open (bias 1), which helps learning long dependencies. Keras turns it on by default, TF.js does not.',
    );

function fraction(description: string) {
  return z.number().min(0).max(1).default(0).describe(`${description} TF.js and Keras apply no dropout at all at exactly 1.`);
}

type RecurrentParams = z.output<z.ZodObject<ReturnType<typeof recurrentFields>>>;

/** The TF.js constructor arguments every recurrent layer shares. */
export function recurrentArgs(tf: Tf, p: RecurrentParams) {
  return {
    activation: p.activation,
    useBias: p.useBias,
    kernelInitializer: p.kernelInitializer,
    recurrentInitializer: p.recurrentInitializer,
    biasInitializer: p.biasInitializer,
    kernelRegularizer: l1l2(tf, p.kernelRegularizer),
    recurrentRegularizer: l1l2(tf, p.recurrentRegularizer),
    biasRegularizer: l1l2(tf, p.biasRegularizer),
    dropout: p.dropout,
    recurrentDropout: p.recurrentDropout,
    returnSequences: p.returnSequences,
    returnState: p.returnState,
    goBackwards: p.goBackwards,
  };
}

/** Node-face flags: `· seq` when every step is output, `· +states` when the states are too. */
export function sequenceFlags(p: { returnSequences: boolean; returnState: boolean }): string {
  return `${p.returnSequences ? ' · seq' : ''}${p.returnState ? ' · +states' : ''}`;
}
