/// <reference lib="webworker" />
/**
 * The Inside tab's inference, off the main thread: loads a run's trained network once, then runs
 * each sample through it and posts every layer's output (engine/inspect/layer-outputs.ts). The
 * page keeps drawing while a large network computes.
 */
import * as tf from '@tensorflow/tfjs';
import { setUpWasm } from '@/components/training/browser-wasm';
import { layerOutputs } from '@/engine/inspect/layer-outputs';
import type { FromInsideWorker, ToInsideWorker } from './inside-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromInsideWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
let model: tf.LayersModel | null = null;

scope.onmessage = (event: MessageEvent<ToInsideWorker>) => {
  const message = event.data;
  if (message.type === 'load')
    void load(message.modelUrl, message.wasmPath).catch((e: unknown) => post({ type: 'error', message: words(e) }));
  else if (message.type === 'run') {
    if (!model) return post({ type: 'error', id: message.id, message: 'The network is still loading.' });
    try {
      const started = performance.now();
      const outputs = layerOutputs(tf, model, message.sample);
      post(
        { type: 'outputs', id: message.id, outputs, ms: performance.now() - started },
        outputs.map((o) => o.values.buffer as ArrayBuffer),
      );
    } catch (error) {
      post({ type: 'error', id: message.id, message: words(error) });
    }
  }
};

async function load(modelUrl: string, wasmPath: string): Promise<void> {
  setUpWasm(wasmPath);
  // wasm runs one small forward pass fastest here; cpu is the fallback that always starts.
  if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu');
  await tf.ready();
  model = await tf.loadLayersModel(modelUrl);
  post({
    type: 'loaded',
    backend: tf.getBackend(),
    inputShape: (model.inputs[0]?.shape ?? []).slice(1).map((d) => d ?? 1),
    layers: model.layers.length,
  });
}

function words(error: unknown): string {
  const text = (error as Error)?.message ?? String(error);
  return `The network could not be run: ${text}`;
}
