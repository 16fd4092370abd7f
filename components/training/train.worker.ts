/// <reference lib="webworker" />
/**
 * Browser training, off the main thread so the page keeps drawing at full speed: measures the
 * candidate backends on the model's own training step (webgpu where the browser has it, webgl
 * through OffscreenCanvas, wasm, cpu),
 * keeps the fastest, then trains from the dataset's batches endpoint with the engine's run driver,
 * as the server workers and the CLI do; this file is the driver's host in a browser. Talks to the page
 * through the messages in protocol.ts.
 */
import * as tf from '@tensorflow/tfjs';
// Registers WebGPU as a candidate; without an adapter it fails to initialise and is not chosen.
import '@tensorflow/tfjs-backend-webgpu';
import { httpBatchSource } from '@/components/datasets/http-batch-source';
import { epochViews, planeOf } from '@/components/inside/epoch-views';
import { setUpWasm, wasmThreads } from '@/components/training/browser-wasm';
import { registerWasmGradientKernels } from '@/engine/backends';
import { modelTrainProbe } from '@/engine/train/model-probe';
import type { SavedWeights } from '@/engine/train/node-weights';
import { runJob } from '@/engine/train/run-job';
import { chooseBackend } from './choose-backend';
import type { BatchPoint, FromWorker, StartMessage, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

let paused = false;
let stopped = false;
let wake: (() => void) | null = null;
let go: (() => void) | null = null;
let pausedMs = 0;

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'start')
    void run(message).catch((error: unknown) => post({ type: 'error', message: (error as Error).message ?? String(error) }));
  else if (message.type === 'go') go?.();
  else if (message.type === 'pause') paused = true;
  else if (message.type === 'resume') {
    paused = false;
    wake?.();
  } else if (message.type === 'stop') {
    stopped = true;
    paused = false;
    wake?.();
    go?.();
  }
};

async function waitWhilePaused(): Promise<void> {
  if (!paused) return;
  const since = performance.now();
  while (paused) await new Promise<void>((resolve) => (wake = resolve));
  pausedMs += performance.now() - since;
}

async function run(start: StartMessage): Promise<void> {
  setUpWasm(start.wasmPath);
  // The graph is first built on cpu, which starts at once everywhere; the measurement then picks the
  // backend the run trains on. (WebGPU, registered above, ranks first but starts asynchronously.)
  await tf.setBackend('cpu');
  // The kernels wasm lacks for training, plus its faster composed Conv2D input gradient (as on the server).
  registerWasmGradientKernels(tf, { replaceConv2DBackpropInput: true });
  const source = await httpBatchSource(start.dataset);
  const plane = await planeOf(source).catch(() => null);
  if (plane) post({ type: 'plane', points: plane.points });
  let baseline = 0;
  let started = 0;
  let pending: BatchPoint[] = [];
  let lastFlush = 0;
  const flush = () => {
    if (pending.length === 0) return;
    post({ type: 'batches', points: pending });
    pending = [];
    lastFlush = performance.now();
  };
  const result = await runJob(
    tf,
    start.graph,
    { training: start.overrides, augmentation: start.augmentation },
    {
      source,
      beforeTraining: async (ready, build) => {
        post({ type: 'measuring', candidates: start.backends });
        const probe = modelTrainProbe(build, source.featureShape, ready.config.batchSize);
        const choice = await chooseBackend(tf, start.backends, probe, post);
        const threads = wasmThreads();
        post({
          type: 'measured',
          backend: choice.backend,
          figures: choice.figures,
          ...(threads ? { wasmThreads: threads } : {}),
          ...ready,
        });
        await new Promise<void>((resolve) => (go = resolve));
        started = performance.now();
        baseline = tf.memory().numTensors;
        return !stopped;
      },
      initialWeights: async () =>
        start.initialWeightsUrl ? { weights: await fetchWeights(start.initialWeightsUrl), policy: 'matching' } : null,
      progress: {
        started: (begun) => {
          if (begun.weightPlan) post({ type: 'weights', plan: begun.weightPlan });
        },
        batch: (info) => {
          pending.push({
            step: info.epoch * info.batches + info.batch + 1,
            epoch: info.epoch,
            batch: info.batch,
            batches: info.batches,
            metrics: info.metrics,
            at: performance.now(),
          });
          if (performance.now() - lastFlush > 100) flush();
        },
        epoch: (record, model) => {
          flush();
          post({ type: 'epoch', record });
          post({ type: 'views', views: epochViews(tf, model, record.epoch, plane?.bounds ?? null) });
        },
      },
      control: { shouldStop: () => stopped, waitWhilePaused },
    },
  );
  flush();
  if (!result.ok) throw new Error(result.problem);
  const artifacts = result.artifacts;
  const exported: Extract<FromWorker, { type: 'done' }>['model'] = artifacts
    ? {
        modelTopology: artifacts.modelTopology,
        weightSpecs: artifacts.weightSpecs,
        layerNodes: artifacts.layerNodes,
        weightData: artifacts.weightData.buffer.slice(
          artifacts.weightData.byteOffset,
          artifacts.weightData.byteOffset + artifacts.weightData.byteLength,
        ) as ArrayBuffer,
      }
    : null;
  const message: FromWorker = {
    type: 'done',
    cancelled: result.cancelled,
    stoppedEarly: result.stoppedEarly,
    bestEpoch: result.bestEpoch,
    finalMetrics: result.finalMetrics,
    evaluation: result.evaluation,
    timing: result.timing,
    model: exported,
    tensors: { baseline, after: tf.memory().numTensors },
    wallTimeMs: started === 0 ? 0 : Math.round(performance.now() - started - pausedMs),
  };
  post(message, exported ? [exported.weightData] : []);
}

/**
 * The weights to start from: another run's (`…/runs/ID/model`, a model.json) or the version's own
 * (`…/versions/N/weights`, its manifest), each with the node of every layer and the bytes beside it
 * at `…/weights.bin`.
 */
async function fetchWeights(url: string): Promise<SavedWeights> {
  const json = (await (await fetch(url)).json()) as {
    weightsManifest?: { weights: tf.io.WeightsManifestEntry[] }[];
    userDefinedMetadata?: { layerNodes?: Record<string, string> };
    weights?: { specs: tf.io.WeightsManifestEntry[]; layerNodes: Record<string, string> } | null;
  };
  const bytes = await (await fetch(url.replace(/\/(model|weights)$/, '/weights.bin'))).arrayBuffer();
  return {
    tensors: tf.io.decodeWeights(bytes, json.weightsManifest?.[0]?.weights ?? json.weights?.specs ?? []),
    layerNodes: json.userDefinedMetadata?.layerNodes ?? json.weights?.layerNodes ?? {},
  };
}
