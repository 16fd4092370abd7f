import type { Diagnostic } from '../diagnostics';
import type { ParamCount } from '../layers/spec';
import type { Shape } from '../shape';

/** What the analysis knows about one node. */
export interface NodeAnalysis {
  id: string;
  type: string;
  /** The unique TF.js layer name the compiler will use (the node's name, made unique). */
  layerName: string;
  /** Parameters with defaults filled in, or `null` when they are invalid. */
  params: Record<string, unknown> | null;
  /** Shapes arriving on each input port; `null` where it is not known (an upstream error). */
  inputShapes: (Shape | null)[];
  /** One shape per output port, or `null` when it cannot be computed. */
  outputShapes: Shape[] | null;
  paramCount: ParamCount | null;
  /** Floating-point operations per sample. */
  flops: number | null;
  /** Bytes of the layer's outputs per sample (float32). */
  activationBytes: number | null;
  /** `error`: this node is at fault; `blocked`: an upstream problem leaves it without input shapes. */
  status: 'ok' | 'error' | 'blocked';
}

export interface EdgeAnalysis {
  id: string;
  /** The tensor shape flowing along the edge, when known. */
  shape: Shape | null;
  /** `false` when the edge itself or the port it feeds is at fault (drawn red). */
  ok: boolean;
}

export interface Totals {
  params: number;
  trainableParams: number;
  nonTrainableParams: number;
  flops: number;
  activationBytes: number;
  /** `false` when some node's figures are unknown, so the totals are lower bounds. */
  complete: boolean;
}

/** A reference to one output tensor of the model. */
export interface OutputRef {
  nodeId: string;
  port: number;
}

export interface Analysis {
  nodes: Record<string, NodeAnalysis>;
  edges: Record<string, EdgeAnalysis>;
  /** Node ids in topological order (nodes on cycles left out). */
  order: string[];
  /** Ids of the Input nodes, in document order: the model's inputs. */
  inputs: string[];
  outputs: OutputRef[];
  totals: Totals;
  diagnostics: Diagnostic[];
  /** How much of this analysis was computed afresh; the rest was reused from the previous one. */
  stats: { recomputed: number; reused: number };
}
