import { transpose, type WeightArray } from '../../../import/weight-arrays';
import { layerSpec } from '../../../layers/registry';
import { RECURRENT_ACTIVATIONS } from '../activations';
import type { EmitContext, LayerExporter } from '../emit-context';
import type { Value } from '../onnx-builder';

/**
 * LSTM, GRU and SimpleRNN as ONNX's recurrent ops, which read time-major `[T, N, F]` tensors (ONNX
 * Runtime does not run the batch-major layout). Keras keeps gates side by side in its kernels in
 * its own order; ONNX wants `[directions, gates·units, inputs]` in another order.
 */

type Cell = 'lstm' | 'gru' | 'simpleRnn';

const OP: Record<Cell, string> = { lstm: 'LSTM', gru: 'GRU', simpleRnn: 'RNN' };
/** Keras gate blocks (LSTM i f c o, GRU z r h) taken in ONNX's order (LSTM i o f c, GRU z r h). */
const GATE_ORDER: Record<Cell, number[]> = { lstm: [0, 3, 1, 2], gru: [0, 1, 2], simpleRnn: [0] };

interface RecurrentParams {
  units: number;
  activation: string;
  recurrentActivation?: string;
  useBias: boolean;
  returnSequences: boolean;
  returnState: boolean;
  goBackwards: boolean;
}

/** Keras `[in, gates·units]` → ONNX `[gates·units, in]` with the gate blocks reordered. */
function gatesToOnnx(w: WeightArray, cell: Cell, units: number): WeightArray {
  const t = transpose(w, [1, 0]);
  const width = t.shape[1] ?? 1;
  const values = new Float32Array(t.values.length);
  for (const [k, gate] of GATE_ORDER[cell].entries()) {
    values.set(t.values.subarray(gate * units * width, (gate + 1) * units * width), k * units * width);
  }
  return { ...t, values };
}

function biasToOnnx(bias: WeightArray | undefined, cell: Cell, units: number): Float32Array {
  const gates = GATE_ORDER[cell].length;
  const out = new Float32Array(2 * gates * units);
  if (!bias) return out;
  for (const [k, gate] of GATE_ORDER[cell].entries()) out.set(bias.values.subarray(gate * units, (gate + 1) * units), k * units);
  return out;
}

function activationList(cell: Cell, p: RecurrentParams): { names: string[]; alpha: number[]; beta: number[] } | string {
  const wanted =
    cell === 'simpleRnn' ? [p.activation] : [p.recurrentActivation ?? 'sigmoid', p.activation, ...(cell === 'lstm' ? [p.activation] : [])];
  const names: string[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  for (const a of wanted) {
    const onnxActivation = RECURRENT_ACTIVATIONS[a];
    if (!onnxActivation) return `its activation "${a}" has no ONNX recurrent form`;
    names.push(onnxActivation.name);
    if (onnxActivation.alpha !== undefined) alpha.push(onnxActivation.alpha);
    if (onnxActivation.beta !== undefined) beta.push(onnxActivation.beta);
  }
  return { names, alpha, beta };
}

function checkRecurrent(cell: Cell, p: RecurrentParams): string | null {
  const list = activationList(cell, p);
  return typeof list === 'string' ? list : null;
}

/** Emits one recurrent op over `x` (`[N, T, F]`); `directions` holds each direction's Keras weights. */
function emitRecurrent(ctx: EmitContext, cell: Cell, p: RecurrentParams, directions: WeightArray[][], base: string) {
  const b = ctx.b;
  const x = b.as(ctx.inputs[0] as Value, 'last');
  let timeMajor = b.op1('Transpose', [x.name], `${base}/time_major`, { perm: [1, 0, 2] });
  const bidirectional = directions.length === 2;
  if (p.goBackwards && !bidirectional) {
    // Keras reads the reversed sequence and outputs steps in that order: reverse the input.
    const reverse = [
      b.ints(`${base}/rev_start`, [-1]),
      b.ints(`${base}/rev_end`, [-(2 ** 62)]),
      b.ints(`${base}/rev_axes`, [0]),
      b.ints(`${base}/rev_steps`, [-1]),
    ];
    timeMajor = b.op1('Slice', [timeMajor, ...reverse], `${base}/reversed`);
  }
  const units = p.units;
  const w: number[] = [];
  const r: number[] = [];
  const bias: number[] = [];
  let inputs = 0;
  for (const [kernel, recurrent, maybeBias] of directions) {
    const wk = gatesToOnnx(kernel as WeightArray, cell, units);
    inputs = wk.shape[1] ?? 0;
    w.push(...wk.values);
    r.push(...gatesToOnnx(recurrent as WeightArray, cell, units).values);
    bias.push(...biasToOnnx(p.useBias ? maybeBias : undefined, cell, units));
  }
  const dirs = directions.length;
  const gates = GATE_ORDER[cell].length;
  const list = activationList(cell, p);
  if (typeof list === 'string') throw new Error(list);
  const activations = bidirectional ? [...list.names, ...list.names] : list.names;
  const alphas = bidirectional ? [...list.alpha, ...list.alpha] : list.alpha;
  const betas = bidirectional ? [...list.beta, ...list.beta] : list.beta;
  // Initial states `[N, H]` (inputs after the sequence) become ONNX's `[directions, N, H]`, after an empty sequence_lens.
  const states = ctx.inputs
    .slice(1)
    .map((state, k) => b.op1('Unsqueeze', [b.as(state, 'last').name, b.ints(`${base}/state${k}_axes`, [0])], `${base}/initial_state${k}`));
  const outputs = b.op(
    OP[cell],
    [
      timeMajor,
      b.floats(`${base}/W`, [dirs, gates * units, inputs], w),
      b.floats(`${base}/R`, [dirs, gates * units, units], r),
      b.floats(`${base}/B`, [dirs, 2 * gates * units], bias),
      ...(states.length > 0 ? ['', ...states] : []),
    ],
    base,
    {
      hidden_size: units,
      direction: bidirectional ? 'bidirectional' : 'forward',
      activations,
      ...(alphas.length > 0 ? { activation_alpha: { floats: alphas } } : {}),
      ...(betas.length > 0 ? { activation_beta: { floats: betas } } : {}),
    },
    cell === 'lstm' ? 3 : 2,
  );
  return outputs;
}

/** `[1, N, H]` state → `[N, H]`. */
function squeezeDirection(ctx: EmitContext, state: string, base: string): string {
  return ctx.b.op1('Squeeze', [state, ctx.b.ints(`${base}/axes`, [0])], base);
}

const recurrent = (cell: Cell): LayerExporter => ({
  check: (p) => checkRecurrent(cell, p),
  emit(ctx) {
    const p = ctx.params as RecurrentParams;
    const [y, yh, yc] = emitRecurrent(ctx, cell, p, [ctx.weights], ctx.name) as string[];
    const values: Value[] = [];
    if (p.returnSequences) {
      const steps = ctx.b.op1('Squeeze', [y as string, ctx.b.ints(`${ctx.name}/seq_axes`, [1])], `${ctx.name}/steps`);
      values.push({ name: ctx.b.op1('Transpose', [steps], `${ctx.name}/sequence`, { perm: [1, 0, 2] }), layout: 'last', rank: 3 });
    } else values.push({ name: squeezeDirection(ctx, yh as string, `${ctx.name}/output`), layout: 'last', rank: 2 });
    if (p.returnState) {
      values.push({ name: squeezeDirection(ctx, yh as string, `${ctx.name}/state_h`), layout: 'last', rank: 2 });
      if (cell === 'lstm') values.push({ name: squeezeDirection(ctx, yc as string, `${ctx.name}/state_c`), layout: 'last', rank: 2 });
    }
    return values;
  },
});

export const lstm = recurrent('lstm');
export const gru = recurrent('gru');
export const simpleRnn = recurrent('simpleRnn');

const CELLS = new Set<string>(['lstm', 'gru', 'simpleRnn']);

function innerParams(p: { layer: { type: string; params?: Record<string, unknown> } }): RecurrentParams {
  return layerSpec(p.layer.type)?.params.parse(p.layer.params ?? {}) as RecurrentParams;
}

/**
 * Bidirectional LSTM/GRU/SimpleRNN: ONNX's `bidirectional` direction, whose backward outputs are
 * already aligned to the input steps, as Keras aligns them; merged by concatenation, sum, mean or product.
 */
export const bidirectional: LayerExporter = {
  check(p) {
    if (!CELLS.has(p.layer?.type)) return `it wraps a ${p.layer?.type} layer`;
    const inner = innerParams(p);
    if (inner.returnState) return 'returnState inside Bidirectional has no ONNX export';
    if (p.mergeMode === null) return 'a Bidirectional without a merge mode has no ONNX export';
    return checkRecurrent(p.layer.type as Cell, inner);
  },
  emit(ctx) {
    const cell = ctx.params.layer.type as Cell;
    const p = innerParams(ctx.params);
    const half = ctx.weights.length / 2;
    const forward = ctx.weights.slice(0, half);
    const backward = ctx.weights.slice(half);
    // A backwards inner layer makes the "forward" copy read backwards and the other forwards: swap them
    // into ONNX's directions, and put them back in Keras's order (and step order) afterwards.
    const swap = p.goBackwards;
    const [y, yh] = emitRecurrent(
      ctx,
      cell,
      { ...p, goBackwards: false },
      swap ? [backward, forward] : [forward, backward],
      ctx.name,
    ) as string[];
    const b = ctx.b;
    const merge = ctx.params.mergeMode as 'concat' | 'sum' | 'ave' | 'mul';
    // Sequences `[T, 2, N, H]` → `[N, T, 2, H]`; last states `[2, N, H]` → `[N, 2, H]`.
    let split = p.returnSequences
      ? b.op1('Transpose', [y as string], `${ctx.name}/batch_major`, { perm: [2, 0, 1, 3] })
      : b.op1('Transpose', [yh as string], `${ctx.name}/batch_major`, { perm: [1, 0, 2] });
    const dirAxis = p.returnSequences ? 2 : 1;
    const rank = p.returnSequences ? 3 : 2;
    if (swap) {
      split = b.op1('Gather', [split, b.ints(`${ctx.name}/dir_order`, [1, 0])], `${ctx.name}/keras_order`, { axis: dirAxis });
      if (p.returnSequences) {
        const reverse = [
          b.ints(`${ctx.name}/rev_start`, [-1]),
          b.ints(`${ctx.name}/rev_end`, [-(2 ** 62)]),
          b.ints(`${ctx.name}/rev_axes`, [1]),
          b.ints(`${ctx.name}/rev_steps`, [-1]),
        ];
        split = b.op1('Slice', [split, ...reverse], `${ctx.name}/keras_steps`);
      }
    }
    let out: string;
    if (merge === 'concat') {
      const shape = p.returnSequences ? [0, 0, 2 * p.units] : [0, 2 * p.units];
      out = b.op1('Reshape', [split, b.ints(`${ctx.name}/shape`, shape)], ctx.name);
    } else if (merge === 'sum') {
      out = b.op1('ReduceSum', [split, b.ints(`${ctx.name}/axes`, [dirAxis])], ctx.name, { keepdims: 0 });
    } else {
      out = b.op1(merge === 'ave' ? 'ReduceMean' : 'ReduceProd', [split], ctx.name, { axes: [dirAxis], keepdims: 0 });
    }
    return [{ name: out, layout: 'last', rank }];
  },
};
