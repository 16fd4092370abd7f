import type { GraphModelInfo } from '@/engine/graph-model/graph-model-file';
import type { Picture, PixelScaling } from '@/engine/graph-model/graph-model-input';
import type { GraphNodeInfo } from '@/engine/graph-model/graph-model-nodes';
import type { LayerOutput } from '@/engine/inspect/layer-outputs';

/** What a prediction is made from: a picture fitted to the model's input, or typed numbers. */
export type GraphModelInput = { kind: 'picture'; picture: Picture; scaling: PixelScaling } | { kind: 'values'; values: number[] };

/** Messages between the graph model page and its worker (graph-model.worker.ts). */
export type ToGraphModelWorker =
  | { type: 'open'; files: File[]; wasmPath: string }
  /** Makes `input` the current input and runs the model's outputs on it. */
  | { type: 'predict'; id: number; input: GraphModelInput }
  /** One node's output for the current input. */
  | { type: 'activation'; id: number; node: string };

export type FromGraphModelWorker =
  | { type: 'opened'; fileName: string; backend: string; info: GraphModelInfo; nodes: GraphNodeInfo[] }
  /** `input` is what the model was given (a picture after fitting and scaling), for showing it. */
  | { type: 'predicted'; id: number; input: LayerOutput; outputs: LayerOutput[]; ms: number }
  | { type: 'activation'; id: number; output: LayerOutput; ms: number }
  | { type: 'error'; stage: 'open' | 'predict' | 'activation'; id?: number; message: string; hint?: string };
