/**
 * Copies the browser files the app serves from `public/vendor` out of node_modules: elk's Web
 * Worker (the editor's auto-layout runs there, off the main thread) and TF.js's wasm binaries
 * (browser training on the wasm backend) and ONNX Runtime Web's binary (checking ONNX exports). Run by `postinstall` and by
 * `npm start` before building; the copies are not in git.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** node_modules path → public/vendor file name. */
export const VENDOR_FILES: Record<string, string> = {
  'elkjs/lib/elk-worker.min.js': 'elk-worker.min.js',
  // TF.js's WebAssembly backend for training in the browser (setWasmPaths('/vendor/tfjs-wasm/')).
  '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm': 'tfjs-wasm/tfjs-backend-wasm.wasm',
  '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm': 'tfjs-wasm/tfjs-backend-wasm-simd.wasm',
  '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm': 'tfjs-wasm/tfjs-backend-wasm-threaded-simd.wasm',
  // The threaded build's factory as the package ships it, for its threads to start from (components/training/browser-wasm.ts).
  '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js': 'tfjs-wasm/tfjs-backend-wasm-threaded-simd.js',
  // ONNX Runtime Web's binary, to run exported ONNX files in the browser before they are downloaded.
  'onnxruntime-web/dist/ort-wasm-simd-threaded.wasm': 'ort/ort-wasm-simd-threaded.wasm',
};

/** Copies the vendor files whose content changed; returns the names copied. */
export async function copyVendorFiles(): Promise<string[]> {
  const target = path.join(root, 'public', 'vendor');
  await mkdir(target, { recursive: true });
  const copied: string[] = [];
  for (const [from, name] of Object.entries(VENDOR_FILES)) {
    const source = path.join(root, 'node_modules', from);
    const destination = path.join(target, name);
    const [a, b] = await Promise.all([readFile(source), readFile(destination).catch(() => null)]);
    if (b && a.equals(b)) continue;
    await mkdir(path.dirname(destination), { recursive: true });
    await copyFile(source, destination);
    copied.push(name);
  }
  return copied;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  copyVendorFiles()
    .then((copied) => copied.length > 0 && console.log(`[netcanvas] vendor files: ${copied.join(', ')}`))
    .catch((error) => {
      console.error('[netcanvas] could not copy vendor files:', error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
