import { type OnnxAttribute, type OnnxNode, type OnnxTensor, onnx } from '../proto';
import { floatTensor, int64Tensor } from '../tensors';

const { AttributeType } = onnx.AttributeProto;

/**
 * Where a tensor's channels are. Designs are channels-last (TF.js, Keras); ONNX's convolutions and
 * pools are channels-first. `first` marks the channels-first copy of a channels-last design tensor
 * of rank ≥ 3 (the channels moved from the last axis to axis 1).
 */
export type Layout = 'last' | 'first';

/** A tensor of the ONNX graph that stands for one output of a design layer. */
export interface Value {
  name: string;
  layout: Layout;
  rank: number;
}

export type AttributeValue = number | string | readonly number[] | readonly string[] | { float: number } | { floats: readonly number[] };

/** Permutation that moves the last axis to axis 1 (channels-last → channels-first). */
export function toFirstPerm(rank: number): number[] {
  return [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
}

/** Permutation that moves axis 1 to the end (channels-first → channels-last). */
export function toLastPerm(rank: number): number[] {
  return [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
}

/** The axis of a channels-first tensor that holds axis `axis` of its channels-last form. */
export function firstAxis(axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a === 0) return 0;
  return a === rank - 1 ? 1 : a + 1;
}

/**
 * Collects the nodes and initializers of an ONNX graph under unique names, and converts values
 * between channels-last and channels-first with one Transpose each, made once and reused.
 */
export class OnnxBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private readonly used = new Set<string>();
  private readonly converted = new Map<string, Value>();

  /** A name not used before, based on `base`. */
  unique(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_./:-]/g, '_') || 't';
    let name = clean;
    for (let k = 2; this.used.has(name); k++) name = `${clean}_${k}`;
    this.used.add(name);
    return name;
  }

  /** Adds a node; returns its output names (`outputs` of them, named after `base`). */
  op(type: string, inputs: readonly string[], base: string, attributes: Record<string, AttributeValue> = {}, outputs = 1): string[] {
    const names = Array.from({ length: outputs }, (_, i) => this.unique(outputs === 1 ? base : `${base}:${i}`));
    this.nodes.push({
      opType: type,
      name: this.unique(`${base}/${type}`),
      input: [...inputs],
      output: names,
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return names;
  }

  /** One-output form of `op`. */
  op1(type: string, inputs: readonly string[], base: string, attributes: Record<string, AttributeValue> = {}): string {
    return this.op(type, inputs, base, attributes)[0] as string;
  }

  /** A float32 initializer. */
  floats(base: string, dims: readonly number[], values: Float32Array | readonly number[]): string {
    const name = this.unique(base);
    this.initializers.push(floatTensor(name, dims, values));
    return name;
  }

  /** An int64 initializer (a shape, axes or pads input). */
  ints(base: string, values: readonly number[], dims: readonly number[] = [values.length]): string {
    const name = this.unique(base);
    this.initializers.push(int64Tensor(name, dims, values));
    return name;
  }

  /** The value in the wanted layout (rank < 3 tensors have no channels-first form). */
  as(value: Value, layout: Layout): Value {
    if (value.layout === layout || value.rank < 3) return value;
    const key = `${value.name}->${layout}`;
    const cached = this.converted.get(key);
    if (cached) return cached;
    const perm = layout === 'first' ? toFirstPerm(value.rank) : toLastPerm(value.rank);
    const out: Value = { name: this.op1('Transpose', [value.name], `${value.name}_${layout}`, { perm }), layout, rank: value.rank };
    this.converted.set(key, out);
    return out;
  }
}

function attribute(name: string, value: AttributeValue): OnnxAttribute {
  if (typeof value === 'number') return { name, type: AttributeType.INT, i: value };
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string'))
      return { name, type: AttributeType.STRINGS, strings: (value as string[]).map((v) => new TextEncoder().encode(v)) };
    return { name, type: AttributeType.INTS, ints: [...(value as number[])] };
  }
  if ('float' in (value as object)) return { name, type: AttributeType.FLOAT, f: (value as { float: number }).float };
  return { name, type: AttributeType.FLOATS, floats: [...(value as { floats: number[] }).floats] };
}
