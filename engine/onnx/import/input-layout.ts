import { channelsFirstPerm, identityPerm, TIME_MAJOR_PERM } from './layouts';
import type { OpNode } from './op-graph';

/**
 * The layout a graph input takes in the design: an image read by channels-first operations becomes
 * channels-last, a sequence read by a recurrent op batch-major; anything else stays as the file has it.
 */

/** Operations whose first input is an image in channels-first order: a 4-D graph input they read becomes a channels-last design input. */
const CHANNELS_FIRST_OPS = new Set([
  'Conv',
  'ConvTranspose',
  'MaxPool',
  'AveragePool',
  'GlobalAveragePool',
  'GlobalMaxPool',
  'LRN',
  'BatchNormalization',
  'Resize',
  'Upsample',
  'InstanceNormalization',
]);
export const RECURRENT_OPS = new Set(['LSTM', 'GRU', 'RNN']);

/** Operations that work the same in any layout: the importer looks past them to decide an input's layout. */
const LAYOUT_NEUTRAL = new Set([
  'Relu',
  'Sigmoid',
  'Tanh',
  'Clip',
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Identity',
  'Dropout',
  'Cast',
  'Pad',
  'LeakyRelu',
  'Elu',
]);

/** The first operation after a graph input (through layout-neutral ones) whose inputs have a fixed layout. */
function firstLayoutOp(name: string, consumers: Map<string, OpNode[]>): string | undefined {
  const queue = [name];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const value = queue.shift() as string;
    for (const node of consumers.get(value) ?? []) {
      if (!LAYOUT_NEUTRAL.has(node.op)) return node.op;
      for (const out of node.outputs) {
        if (seen.has(out)) continue;
        seen.add(out);
        queue.push(out);
      }
    }
  }
  return undefined;
}

/** The permutation (file axis → design axis) for a graph input of these dims. */
export function inputPerm(name: string, rank: number, consumers: Map<string, OpNode[]>): number[] {
  const decider = firstLayoutOp(name, consumers);
  if (rank >= 3 && decider && CHANNELS_FIRST_OPS.has(decider)) return channelsFirstPerm(rank);
  if (rank === 3 && decider && RECURRENT_OPS.has(decider)) return TIME_MAJOR_PERM;
  return identityPerm(rank);
}
