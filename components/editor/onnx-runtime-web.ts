'use client';

import type { OnnxRuntime } from '@/engine/export/proof/onnx-runtime';

/** Where `npm run vendor` puts ONNX Runtime Web's WebAssembly binary (nothing is fetched from elsewhere). */
const WASM_URL = '/vendor/ort/ort-wasm-simd-threaded.wasm';

let loading: Promise<OnnxRuntime> | undefined;

/**
 * ONNX Runtime Web's WebAssembly build, loaded on first use. Its JavaScript glue is bundled with it;
 * the binary comes from this site. One thread: a proof runs a few samples only, and more threads
 * would only cost their start-up.
 */
export function onnxRuntimeWeb(): Promise<OnnxRuntime> {
  loading ??= import('onnxruntime-web/wasm').then((ort) => {
    ort.env.wasm.wasmPaths = { wasm: WASM_URL };
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    return ort as unknown as OnnxRuntime;
  });
  return loading;
}
