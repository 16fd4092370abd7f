import type { TensorValues } from '../tensors';

/** An attribute of an operation, decoded. */
export type AttrValue = number | string | number[] | string[] | TensorValues;

/** One operation of a network in ONNX's vocabulary (Caffe layers are translated into it too). */
export interface OpNode {
  op: string;
  /** The file's own name for the operation when it is not an ONNX one (a Caffe layer type), for messages and placeholders. */
  label?: string;
  /** The name in the file, for messages and layer names; may be empty. */
  name: string;
  /** Tensor names; `''` marks an omitted optional input. */
  inputs: string[];
  outputs: string[];
  attrs: Record<string, AttrValue>;
}

/** A graph input: its ONNX-order dims (`null` when symbolic) and element type. */
export interface OpInput {
  name: string;
  dims: (number | null)[] | null;
  dtype: 'float32' | 'int32';
}

/**
 * A network as a list of operations in topological order, with its constant tensors (weights,
 * shapes): what the converter to a design reads, whether it came from an ONNX or a Caffe file.
 */
export interface OpGraph {
  name?: string;
  inputs: OpInput[];
  outputs: string[];
  nodes: OpNode[];
  constants: Map<string, TensorValues>;
  /**
   * Weights whose size depends on the tensor they are applied to (a Caffe layer described without its
   * `.caffemodel`): made when the operation reading them is converted, from its first input's ONNX shape.
   */
  deferred?: Map<string, (input: readonly (number | null)[]) => TensorValues>;
  /** `false` when the constants only stand in for weights the file does not hold: the design imports without weights. */
  weightsKnown?: boolean;
  /** The operator set version the operations follow. */
  opset: number;
  /** What wrote the file, e.g. `pytorch 2.1`, for the report. */
  producer?: string;
}

export function attrNumber(node: OpNode, name: string, fallback: number): number {
  const v = node.attrs[name];
  return typeof v === 'number' ? v : fallback;
}

export function attrInts(node: OpNode, name: string): number[] | undefined {
  const v = node.attrs[name];
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v as number[];
  return typeof v === 'number' ? [v] : undefined;
}

export function attrString(node: OpNode, name: string, fallback: string): string {
  const v = node.attrs[name];
  return typeof v === 'string' ? v : fallback;
}

export function attrStrings(node: OpNode, name: string): string[] | undefined {
  const v = node.attrs[name];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}
