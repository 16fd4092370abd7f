import type { ImportNote } from '../../import/import-notes';
import { transpose, type WeightArray } from '../../import/weight-arrays';
import type { TensorValues } from '../tensors';
import { type DesignBuilder, type Tracked, Unsupported } from './design-builder';
import type { OpNode } from './op-graph';

/** A value of the file while it is converted: a design tensor, or a constant known at import time. */
export type Val = { kind: 'tensor'; t: Tracked } | { kind: 'const'; v: TensorValues };

/** What an operation's converter is given. Converters throw `Unsupported` for what has no layer. */
export interface OpContext {
  node: OpNode;
  b: DesignBuilder;
  /** Base for the names of the layers this operation adds. */
  name: string;
  /** The file's operator set version (defaults of some attributes changed over versions). */
  opset: number;
  /** Input `i` as a design tensor; throws `Unsupported` when it is a constant or absent. */
  tensor(i: number): Tracked;
  /** Input `i` as a constant, if it is one. */
  constant(i: number): TensorValues | undefined;
  /** Whether input `i` is given (optional inputs may be `''`). */
  has(i: number): boolean;
  setOutput(i: number, value: Tracked | TensorValues): void;
  /** Whether output `i` is read by anything (a later operation or the graph's outputs). */
  used(i: number): boolean;
  /** The operation types reading output `i` (`output` for a graph output). */
  readers(i: number): string[];
  /** The operations reading output `i`. */
  consumers(i: number): OpNode[];
  /** The operations reading a value by name. */
  later(value: string): OpNode[];
  /** A constant by name. */
  valueOf(value: string): TensorValues | undefined;
  /** Marks a later operation as converted together with this one (it is then skipped), setting its outputs. */
  absorb(node: OpNode, outputs: Tracked[]): void;
  /** Adds a layer with a note; returns its outputs (perm still to be set). */
  layer(
    type: string,
    params: Record<string, unknown>,
    inputs: Tracked[],
    weights?: Record<string, WeightArray>,
    note?: Partial<ImportNote>,
  ): Tracked[];
  /**
   * The layer that produced input `i`, when this operation may fold into it: the input is that
   * layer's direct output and nothing else reads it.
   */
  foldTarget(i: number): { nodeId: string; params: Record<string, unknown>; type: string } | undefined;
  /** Records that this operation was folded into a layer (its note's source grows). */
  folded(nodeId: string, detail?: string): void;
}

export type OpConverter = (ctx: OpContext) => void;

/** `np.transpose(v, perm)` as layer weights; a tensor of one repeated value is only reshaped. */
export function permutedWeight(v: TensorValues, perm: readonly number[]): WeightArray {
  if (v.fill !== undefined)
    return weightOf(
      v,
      perm.map((p) => v.dims[p] ?? 1),
    );
  return transpose(weightOf(v), perm);
}

/** A float tensor as layer weights. */
export function weightOf(v: TensorValues, shape: number[] = v.dims): WeightArray {
  return { values: v.data instanceof Float32Array ? v.data : Float32Array.from(v.data), shape, dtype: 'float32' };
}

/** A required constant input (weights), or `Unsupported` when it is computed at run time. */
export function requireConstant(ctx: OpContext, i: number, what: string): TensorValues {
  const v = ctx.constant(i);
  if (!v) throw new Unsupported(`its ${what} is computed at run time, not stored in the file`);
  return v;
}
