// Importing the package registers the wasm backend with TF.js.
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** The package's own threaded factory, served beside the binaries (scripts/vendor.ts). */
const THREADED_FACTORY = 'tfjs-backend-wasm-threaded-simd.js';
/** How TF.js begins the script its threads start from. */
const FACTORY_SCRIPT_START = 'var WasmBackendModuleThreadedSimd = ';

/**
 * Prepares TF.js's WebAssembly backend in a Web Worker, its binaries served from `wasmPath` (a
 * folder of this site). Where the page is cross-origin isolated the backend takes its
 * multi-threaded SIMD build, whose threads start from a script TF.js makes out of the source text
 * of its own factory function. Once the app's bundle is minified, that text names variables of the
 * bundle which a thread does not have ("r is not defined"), so the threads get the package's own,
 * unminified factory from this site instead: the script becomes one line that imports it.
 */
export function setUpWasm(wasmPath: string): void {
  setWasmPaths(wasmPath);
  // Outside a browser (the worker's code run by the tests in Node) there are no threads to start.
  const { location, Blob: Original } = self as Partial<typeof self>;
  if (!location || !Original || (Original as { threadsFromFile?: boolean }).threadsFromFile) return;
  const factory = new URL(wasmPath + THREADED_FACTORY, location.href).href;
  class ThreadScriptBlob extends Original {
    static threadsFromFile = true;
    constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
      const first = parts?.[0];
      super(
        typeof first === 'string' && first.startsWith(FACTORY_SCRIPT_START) ? [`importScripts(${JSON.stringify(factory)});`] : parts,
        options,
      );
    }
  }
  self.Blob = ThreadScriptBlob;
}

/**
 * How many threads the WebAssembly backend computes with, once it is initialised. Where the page is
 * cross-origin isolated (the app's pages are: COOP same-origin and COEP require-corp,
 * next.config.js), TF.js takes half the logical cores, at most 8, taking the other half for
 * hyperthreads (4 on a laptop with 8): on a two-core machine that is 1, and two threads there
 * measured slower (0.70×: they compete with the page and the GPU process). 1 where not isolated.
 * Undefined while the backend has not been initialised.
 */
export function wasmThreads(): number | undefined {
  try {
    return getThreadsCount();
  } catch {
    return undefined;
  }
}
