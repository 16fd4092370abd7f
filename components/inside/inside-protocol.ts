import type { LayerOutput } from '@/engine/inspect/layer-outputs';

/** Messages between the Inside tab and its inference worker (inside.worker.ts). */
export type ToInsideWorker =
  | { type: 'load'; modelUrl: string; wasmPath: string }
  /** One sample's features, without the batch dimension, as the network takes them. */
  | { type: 'run'; id: number; sample: Float32Array };

export type FromInsideWorker =
  | { type: 'loaded'; backend: string; inputShape: number[]; layers: number }
  | { type: 'outputs'; id: number; outputs: LayerOutput[]; ms: number }
  | { type: 'error'; id?: number; message: string };
