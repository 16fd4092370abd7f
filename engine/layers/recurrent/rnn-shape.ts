import type { LayerIssue } from '../../diagnostics';
import type { Shape } from '../../shape';
import type { InputContract } from '../spec';

/**
 * The input contract of SimpleRNN, LSTM and GRU: the sequence, then optionally its initial states
 * (`[x, state_h, state_c]` for an LSTM, as every encoder–decoder calls it), each `(batch, units)`.
 */
export function sequenceInputs(states: number): InputContract {
  const portRanks: Record<number, { minRank: number; maxRank: number }> = {};
  for (let port = 1; port <= states; port++) portRanks[port] = { minRank: 2, maxRank: 2 };
  return { min: 1, max: 1 + states, minRank: 3, maxRank: 3, portRanks };
}

/** What decides a recurrent layer's outputs besides its input. */
export interface SequenceOutputs {
  returnSequences: boolean;
  returnState: boolean;
}

const fmt = (s: Shape) => `(${s.map((d) => d ?? 'None').join(', ')})`;

/**
 * Shape rule of SimpleRNN, LSTM and GRU (TF.js `RNN.computeOutputShape`): a (batch, steps, features)
 * input gives (batch, units), or (batch, steps, units) with `returnSequences`; `returnState` appends one
 * (batch, units) output per state. Steps may be unknown; features must be known to size the weights.
 */
export function sequenceOutputShapes(
  label: string,
  x: Shape,
  units: number,
  states: number,
  p: SequenceOutputs,
  initialStates: Shape[] = [],
): Shape[] | LayerIssue {
  if (initialStates.length > 0 && initialStates.length !== states) {
    return {
      code: 'missing_input',
      port: initialStates.length + 1,
      message: `${label} has ${states} states; given initial states, it needs all of them (${states === 2 ? 'state_h and state_c' : 'state_h'}), but has ${initialStates.length}.`,
      hint: 'Connect every state, or none to start from zeros.',
    };
  }
  const wrong = initialStates.findIndex((s) => s.length !== 2 || (s[1] !== null && s[1] !== units));
  if (wrong >= 0) {
    const state = initialStates[wrong] ?? [];
    return {
      code: 'shape_mismatch',
      port: wrong + 1,
      message: `Input ${wrong + 2} of ${label} is an initial state, which must have shape (${units}) — one value per unit — but has shape ${fmt(state.slice(1))}.`,
      hint: `Connect a state of ${units} units (e.g. the state_h${states > 1 ? ' or state_c' : ''} output of an encoder ${label} with returnState).`,
    };
  }
  if (x.length !== 3) {
    return {
      code: 'rank_mismatch',
      port: 0,
      message: `${label} reads sequences of shape (steps, features), but its input has shape ${fmt(x.slice(1))}.`,
      hint:
        x.length < 3
          ? `${label} reads sequences (steps, features): add a Reshape (e.g. to (steps, 1)) or an Embedding before it.`
          : `${label} reads sequences (steps, features): add a Reshape, or wrap the layers before it in TimeDistributed and Flatten each step.`,
    };
  }
  const [batch, steps, features] = x;
  if (features === null || features === undefined) return unknownFeatures(label);
  const b = batch ?? null;
  const output: Shape = p.returnSequences ? [b, steps ?? null, units] : [b, units];
  if (!p.returnState) return [output];
  return [output, ...Array.from({ length: states }, (): Shape => [b, units])];
}

export function unknownFeatures(label: string, axis = 'number of features (last axis)'): LayerIssue {
  return {
    code: 'shape_mismatch',
    port: 0,
    message: `${label} needs the ${axis} of its input to be known to size its weights, but it is not.`,
    hint: 'Give the Input layer a fixed size on that axis; only the number of steps may be left empty.',
  };
}

/** Number of time steps of a sequence input; an unknown length counts as one step in estimates. */
export function stepsOf(x: Shape | undefined): number {
  return x?.[1] ?? 1;
}

/**
 * Parameters of a gated recurrent layer: each of `gates` blocks has an input kernel, a recurrent kernel
 * and a bias (SimpleRNN 1 block, GRU 3, LSTM 4).
 */
export function gatedParamCount(features: number, units: number, gates: number, useBias: boolean): number {
  return gates * (features * units + units * units + (useBias ? units : 0));
}

/**
 * FLOPs per sample of a gated recurrent layer: per step, the input and recurrent matrix products
 * (2 per multiply-add), the bias adds, and `elementwise` operations per unit for activations and gate
 * arithmetic; times the number of steps.
 */
export function gatedFlops(x: Shape | undefined, units: number, gates: number, useBias: boolean, elementwise: number): number {
  const features = x?.[2] ?? 0;
  const perStep = 2 * gates * units * (features + units) + (useBias ? gates * units : 0) + elementwise * units;
  return perStep * stepsOf(x);
}
