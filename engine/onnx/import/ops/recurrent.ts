import type { WeightArray } from '../../../import/weight-arrays';
import type { TensorValues } from '../../tensors';
import { type Tracked, Unsupported } from '../design-builder';
import { TIME_MAJOR_PERM, withPerm } from '../layouts';
import { type OpContext, type OpConverter, requireConstant } from '../op-context';
import { attrInts, attrNumber, attrString, attrStrings, type OpNode } from '../op-graph';

/**
 * LSTM, GRU and RNN (one direction, no initial state or sequence lengths) become LSTM, GRU and
 * SimpleRNN layers. ONNX reads `[T, N, F]`; the design `[N, T, F]`. Gates are stored in another
 * order (ONNX LSTM i o f c, Keras i f c o) and ONNX keeps two biases where Keras has one sum.
 */

type Cell = 'lstm' | 'gru' | 'simpleRnn';
/** For each Keras gate block, the ONNX block holding it. */
const FROM_ONNX: Record<Cell, number[]> = { lstm: [0, 2, 3, 1], gru: [0, 1, 2], simpleRnn: [0] };
const ACTIVATIONS: Record<string, string> = {
  Sigmoid: 'sigmoid',
  Tanh: 'tanh',
  Relu: 'relu',
  HardSigmoid: 'hardSigmoid',
  Softsign: 'softsign',
  Softplus: 'softplus',
};

/** ONNX `[1, gates·H, in]` → Keras `[in, gates·H]` with the gate blocks in Keras's order. */
function kernelFrom(w: TensorValues, cell: Cell, units: number): WeightArray {
  const [, rows = 0, cols = 0] = w.dims;
  const values = new Float32Array(rows * cols);
  for (const [k, block] of FROM_ONNX[cell].entries()) {
    for (let r = 0; r < units; r++) {
      for (let c = 0; c < cols; c++) values[c * rows + k * units + r] = Number(w.data[(block * units + r) * cols + c] ?? 0);
    }
  }
  return { values, shape: [cols, rows], dtype: 'float32' };
}

function biasFrom(b: TensorValues | undefined, cell: Cell, units: number): WeightArray {
  const gates = FROM_ONNX[cell].length;
  const values = new Float32Array(gates * units);
  if (b) {
    for (const [k, block] of FROM_ONNX[cell].entries()) {
      for (let r = 0; r < units; r++)
        values[k * units + r] = Number(b.data[block * units + r] ?? 0) + Number(b.data[(gates + block) * units + r] ?? 0);
    }
  }
  return { values, shape: [gates * units], dtype: 'float32' };
}

const recurrent =
  (cell: Cell): OpConverter =>
  (ctx) => {
    const direction = attrString(ctx.node, 'direction', 'forward');
    if (direction === 'bidirectional') return bidirectional(ctx, cell);
    const { units, acts } = cellParams(ctx, cell);
    const w = requireConstant(ctx, 1, 'input weights');
    const r = requireConstant(ctx, 2, 'recurrent weights');
    const b = ctx.has(3) ? requireConstant(ctx, 3, 'biases') : undefined;
    const raw = ctx.tensor(0);
    // A sequence reversed along time before the layer: Keras's goBackwards (outputs in reading order, as here).
    const backwards = raw.reversed === 1;
    if (raw.reversed !== undefined && !backwards) throw new Unsupported('it reads a sequence reversed along an axis other than time');
    const x = withPerm(ctx.b, { ...raw, reversed: undefined }, TIME_MAJOR_PERM, ctx.name);
    const returnSequences = ctx.used(0);
    const returnState = (returnSequences && ctx.used(1)) || ctx.used(2);
    if (direction === 'reverse' && (returnSequences || backwards))
      throw new Unsupported('it runs backwards and its per-step outputs are used, which Keras orders differently');
    const params: Record<string, unknown> = {
      units,
      activation: cell === 'simpleRnn' ? acts[0] : acts[1],
      ...(cell === 'simpleRnn' ? {} : { recurrentActivation: acts[0] }),
      useBias: true,
      returnSequences,
      returnState,
      goBackwards: direction === 'reverse' || backwards,
    };
    const outputs = ctx.layer(cell, params, [x], {
      kernel: kernelFrom(w, cell, units),
      recurrent_kernel: kernelFrom(r, cell, units),
      bias: biasFrom(b, cell, units),
    }) as Tracked[];
    // Y [T, 1, N, H] over the design's [N, T, H]; Y_h and Y_c [1, N, H] over [N, H].
    const main = outputs[0] as Tracked;
    if (returnSequences) ctx.setOutput(0, { ...main, perm: [1, -1, 0, 2] });
    const h = returnState ? outputs[1] : returnSequences ? undefined : main;
    if (h) ctx.setOutput(1, { ...h, perm: [-1, 0, 1] });
    if (cell === 'lstm' && returnState && outputs[2]) ctx.setOutput(2, { ...outputs[2], perm: [-1, 0, 1] });
  };

/** Checks and reads what every direction of the op shares; returns the Keras params of one cell. */
function cellParams(ctx: OpContext, cell: Cell): { units: number; acts: string[] } {
  if ([4, 5, 6].some((i) => ctx.has(i))) throw new Unsupported('it takes sequence lengths or initial states');
  if (ctx.node.attrs.clip !== undefined || attrNumber(ctx.node, 'input_forget', 0) === 1)
    throw new Unsupported('it clips its cell or couples its gates');
  if (cell === 'gru' && attrNumber(ctx.node, 'linear_before_reset', 0) === 1) {
    throw new Unsupported(
      'it is a GRU that applies the reset gate after the recurrent product (as PyTorch and cuDNN do), which TF.js cannot build',
      'Replace it with a GRU layer and retrain it.',
    );
  }
  const names = attrStrings(ctx.node, 'activations');
  const per = cell === 'simpleRnn' ? 1 : cell === 'gru' ? 2 : 3;
  const defaults = cell === 'simpleRnn' ? ['Tanh'] : cell === 'gru' ? ['Sigmoid', 'Tanh'] : ['Sigmoid', 'Tanh', 'Tanh'];
  const given = names ?? defaults;
  if (given.length > per && given.slice(per).join() !== given.slice(0, per).join())
    throw new Unsupported('its two directions use different activations');
  const acts = given.slice(0, per).map((n) => ACTIVATIONS[n] ?? '');
  if (acts.some((a) => !a) || (cell === 'lstm' && acts[1] !== acts[2]))
    throw new Unsupported(`its activations (${given.join(', ')}) have no Keras form`);
  const alpha = ctx.node.attrs.activation_alpha;
  if (acts.includes('hardSigmoid') && Array.isArray(alpha) && alpha.some((a) => Math.abs(Number(a) - 0.2) > 1e-6))
    throw new Unsupported('its hard sigmoid slope is not 0.2');
  return { units: attrNumber(ctx.node, 'hidden_size', 0), acts };
}

/** One direction's weights of a `[directions, …]` tensor. */
function direction(v: TensorValues, d: number): TensorValues {
  const [dirs = 1, ...rest] = v.dims;
  const n = rest.reduce((a, b) => a * b, 1);
  if (d >= dirs) throw new Unsupported('it lacks the weights of its second direction');
  return { ...v, dims: [1, ...rest], data: Array.from(v.data, Number).slice(d * n, (d + 1) * n) };
}

/**
 * A bidirectional op whose two directions are joined side by side afterwards (the patterns PyTorch,
 * tf2onnx and NetCanvas write: Transpose then Reshape) becomes a Bidirectional layer (concat).
 */
function bidirectional(ctx: OpContext, cell: Cell): void {
  const { units, acts } = cellParams(ctx, cell);
  const sequences = ctx.used(0);
  if (sequences && (ctx.used(1) || ctx.used(2))) throw new Unsupported('both its sequences and its states are used');
  const [transposeNode, ...others] = ctx.consumers(sequences ? 0 : 1);
  if (!transposeNode || others.length > 0 || transposeNode.op !== 'Transpose')
    throw new Unsupported('its two directions are not joined side by side afterwards');
  const perm = attrInts(transposeNode, 'perm')?.join();
  // NetCanvas writes a Bidirectional whose inner layer reads backwards as the two directions swapped
  // (a Gather of [1, 0]) and, for sequences, reversed in time (a Slice) before the Reshape.
  const chain: OpNode[] = [transposeNode];
  let swap = false;
  for (;;) {
    const next = ctx.later(chain.at(-1)?.outputs[0] ?? '');
    const op = next[0];
    if (next.length !== 1 || !op) throw new Unsupported('its two directions are not joined side by side afterwards');
    chain.push(op);
    if (op.op === 'Reshape') break;
    const order = ctx.valueOf(op.inputs[1] ?? '');
    if (op.op === 'Gather' && !swap && order && Array.from(order.data, Number).join() === '1,0') swap = true;
    else if (!(op.op === 'Slice' && swap && sequences)) throw new Unsupported('its two directions are not joined side by side afterwards');
  }
  const reshapeOp = chain.at(-1) as OpNode;
  const target = ctx.valueOf(reshapeOp.inputs[1] ?? '');
  const last = target ? Number(target.data[target.data.length - 1]) : Number.NaN;
  const layouts: Record<string, number[]> = sequences ? { '2,0,1,3': [0, 1, 2], '0,2,1,3': [1, 0, 2] } : { '1,0,2': [0, 1] };
  const outPerm = perm ? layouts[perm] : undefined;
  if (!outPerm || (last !== 2 * units && last !== -1) || target?.data.length !== (sequences ? 3 : 2))
    throw new Unsupported('its two directions are not joined side by side afterwards');
  const x = withPerm(ctx.b, ctx.tensor(0), TIME_MAJOR_PERM, ctx.name);
  const w = requireConstant(ctx, 1, 'input weights');
  const r = requireConstant(ctx, 2, 'recurrent weights');
  const b = ctx.has(3) ? requireConstant(ctx, 3, 'biases') : undefined;
  const weights: Record<string, WeightArray> = {};
  for (const [k, side] of ['forward', 'backward'].entries()) {
    const d = swap ? 1 - k : k;
    weights[`${side}_${cell}/kernel`] = kernelFrom(direction(w, d), cell, units);
    weights[`${side}_${cell}/recurrent_kernel`] = kernelFrom(direction(r, d), cell, units);
    weights[`${side}_${cell}/bias`] = biasFrom(b ? direction(b, d) : undefined, cell, units);
  }
  const inner = {
    units,
    activation: cell === 'simpleRnn' ? acts[0] : acts[1],
    ...(cell === 'simpleRnn' ? {} : { recurrentActivation: acts[0] }),
    returnSequences: sequences,
    goBackwards: swap,
  };
  const [y] = ctx.layer('bidirectional', { layer: { type: cell, params: inner }, mergeMode: 'concat' }, [x], weights);
  const out = { ...(y as Tracked), perm: outPerm };
  for (const node of chain) ctx.absorb(node, [out]);
  void reshapeOp;
}

export const RECURRENT_OPS: Record<string, OpConverter> = { LSTM: recurrent('lstm'), GRU: recurrent('gru'), RNN: recurrent('simpleRnn') };
