/** "wasm" or "wasm (2 threads)", as the Train tab names a backend. */
export function backendLabel(backend: string, wasmThreads: number | undefined): string {
  return backend === 'wasm' && wasmThreads !== undefined ? `wasm (${wasmThreads} thread${wasmThreads === 1 ? '' : 's'})` : backend;
}
