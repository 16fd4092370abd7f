/// <reference lib="webworker" />
/**
 * Times each layer of the editor's design off the main thread, so the canvas stays responsive while
 * a large network is measured: builds the design with the engine's compiler, starts the backend the
 * page asked for (the one the Train tab remembered for this design, when there is one), then runs
 * engine/inspect/profile-layers.ts, announcing each layer as it begins.
 */
import * as tf from '@tensorflow/tfjs';
import { setUpWasm } from '@/components/training/browser-wasm';
import { initBackend, registerWasmGradientKernels } from '@/engine/backends';
import { compileGraph } from '@/engine/compile/compile';
import { profileLayers } from '@/engine/inspect/profile-layers';
import { layerNodesOf } from '@/engine/train/node-weights';
import type { FromProfileWorker, ProfileStart } from './profile-protocol';
import { problemWords } from './profile-words';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromProfileWorker) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<ProfileStart>) => {
  if (event.data.type === 'start') void run(event.data);
};

async function run(start: ProfileStart): Promise<void> {
  let current = '';
  try {
    setUpWasm(start.wasmPath);
    // The kernels wasm lacks for gradients, as the training worker registers them.
    registerWasmGradientKernels(tf, { replaceConv2DBackpropInput: true });
    const backend = await initBackend(tf, start.backends);
    post({ type: 'backend', backend });
    const compiled = compileGraph(tf, start.doc);
    if (!compiled.ok) return post({ type: 'error', message: problemWords(compiled.diagnostics, compiled.analysis) });
    const rows = await profileLayers(tf, compiled.model, {
      batchSize: start.batchSize,
      batches: start.batches,
      layerNodes: layerNodesOf(compiled.layerNames),
      onLayer: (progress) => {
        current = progress.layer;
        post({ type: 'layer', ...progress });
      },
    });
    compiled.model.dispose();
    post({ type: 'done', backend, rows });
  } catch (error) {
    // The engine's own words would be TF.js internals: say where it stopped and what to try instead.
    const where = current ? `while timing layer “${current}”` : 'while starting';
    const low = /memory|allocat|OOM/i.test(String((error as Error)?.message));
    post({
      type: 'error',
      message: `The profile stopped ${where}${low ? ': the browser ran out of memory for it' : ''}. Try a smaller input or fewer filters in that layer, then profile again.`,
    });
  }
}
