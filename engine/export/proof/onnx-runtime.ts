/**
 * The part of ONNX Runtime's JavaScript API a proof uses, which `onnxruntime-node` (Node, the CLI)
 * and `onnxruntime-web` (the browser) share: the caller passes whichever its host has, so the engine
 * imports neither.
 */
export interface OnnxRuntime {
  InferenceSession: { create(model: Uint8Array): Promise<OnnxSession> };
  Tensor: new (type: 'float32' | 'int32', data: Float32Array | Int32Array, dims: readonly number[]) => unknown;
}

/** A loaded ONNX model. */
export interface OnnxSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, never>): Promise<Record<string, { data: unknown; dims: readonly number[] }>>;
  release(): Promise<void>;
}
