import type { GraphNode } from '../../graph/schema';
import type { WeightArray } from '../../import/weight-arrays';
import type { Shape } from '../../shape';
import type { OnnxBuilder, Value } from './onnx-builder';

/** What a layer's exporter is given: the builder, the node, its resolved params, shapes and input values. */
export interface EmitContext {
  b: OnnxBuilder;
  node: GraphNode;
  /** The TF.js layer name, used as the base of every ONNX name the layer adds. */
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: each exporter reads the params of its own layer type.
  params: any;
  inputShapes: Shape[];
  outputShapes: Shape[];
  inputs: Value[];
  /** The layer's weights in TF.js order (kernel, bias, …), as the compiled model holds them. */
  weights: WeightArray[];
  /** The weight whose TF.js name ends with `/suffix` (e.g. `kernel`, `moving_mean`). */
  weight(suffix: string): WeightArray | undefined;
}

/** Exports one layer type: `check` says why a node cannot be expressed (before anything is built), `emit` adds its ONNX nodes. */
export interface LayerExporter {
  // biome-ignore lint/suspicious/noExplicitAny: see EmitContext.params.
  check?(params: any, inputShapes: Shape[]): string | null;
  emit(ctx: EmitContext): Value[];
}

/** The same value under a new name is not needed: layers that do nothing at inference return their input. */
export const passThrough: LayerExporter = { emit: (ctx) => [ctx.inputs[0] as Value] };

/** The dims of a weight, failing loudly when the compiled model lacks it (a bug, not a user mistake). */
export function required(ctx: EmitContext, suffix: string): WeightArray {
  const w = ctx.weight(suffix);
  if (!w) throw new Error(`layer ${ctx.name} has no weight "${suffix}"`);
  return w;
}

/** Explicit ONNX pads (all begins, then all ends) reproducing TF's "same" padding for known sizes; `null` when a size is unknown. */
export function samePads(
  sizes: readonly (number | null)[],
  kernel: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
): number[] | null {
  const begins: number[] = [];
  const ends: number[] = [];
  for (const [i, size] of sizes.entries()) {
    if (size === null) return null;
    const s = strides[i] ?? 1;
    const k = ((kernel[i] ?? 1) - 1) * (dilations[i] ?? 1) + 1;
    const out = Math.ceil(size / s);
    const total = Math.max((out - 1) * s + k - size, 0);
    begins.push(Math.floor(total / 2));
    ends.push(total - Math.floor(total / 2));
  }
  return [...begins, ...ends];
}

/** Pad attributes for a "valid" or "same" window op over the spatial sizes of the input. */
export function windowPads(
  padding: string,
  sizes: readonly (number | null)[],
  kernel: readonly number[],
  strides: readonly number[],
  dilations: readonly number[] = [],
): Record<string, number[] | string> {
  if (padding !== 'same') return { pads: new Array(sizes.length * 2).fill(0) };
  const pads = samePads(sizes, kernel, strides, dilations);
  return pads ? { pads } : { auto_pad: 'SAME_UPPER' };
}
