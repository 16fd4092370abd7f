/// <reference lib="webworker" />
/**
 * Browser training, off the main thread so the page keeps drawing at full speed: measures the
 * candidate backends on the model's own training step (webgl through OffscreenCanvas, wasm, cpu),
 * keeps the fastest, then trains from the dataset's batches endpoint with the same engine code the
 * server workers run. Talks to the page through the messages in protocol.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { httpBatchSource } from '@/components/datasets/http-batch-source';
import { registerWasmGradientKernels } from '@/engine/backends';
import { assignWeights } from '@/engine/compile/assign-weights';
import { AugmentationConfigSchema, augmentBatch, isAugmentationOff } from '@/engine/data/augment';
import type { BatchSource } from '@/engine/data/batch-source';
import { tfjsArtifacts } from '@/engine/export/tfjs-artifacts';
import type { TrainingConfig } from '@/engine/graph/training-config';
import { evaluateSource, prefixed } from '@/engine/train/evaluate-source';
import { evaluateModel } from '@/engine/train/evaluation';
import { modelTrainProbe } from '@/engine/train/model-probe';
import { disposeModel, prepareModel } from '@/engine/train/prepare-model';
import { targetShapeOf, trainFromSource } from '@/engine/train/train-stream';
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
  setWasmPaths(start.wasmPath);
  // The kernels wasm lacks for training, plus its faster composed Conv2D input gradient (as on the server).
  registerWasmGradientKernels(tf, { replaceConv2DBackpropInput: true });
  const source = await httpBatchSource(start.dataset);
  const build = () => {
    const prepared = prepareModel(tf, start.graph, source, start.overrides);
    if (!prepared.ok) throw new Error(prepared.problem);
    return prepared;
  };
  // Fail early, before measuring, if the graph cannot train on this data.
  const first = build();
  const { config } = first;
  disposeModel(first.model);

  post({ type: 'measuring', candidates: start.backends });
  const probe = modelTrainProbe(() => build().model, source.featureShape, config.batchSize);
  const choice = await chooseBackend(tf, start.backends, probe, post);
  const counts = { train: source.count('train'), validation: source.count('validation'), test: source.count('test') };
  const batchesPerEpoch = Math.ceil(counts.train / config.batchSize);
  post({ type: 'measured', backend: choice.backend, figures: choice.figures, config, counts, batchesPerEpoch });
  await new Promise<void>((resolve) => (go = resolve));
  if (stopped) return post({ type: 'done', ...emptyDone() });

  const started = performance.now();
  const baseline = tf.memory().numTensors;
  const { model } = build();
  let pending: BatchPoint[] = [];
  let lastFlush = 0;
  const flush = () => {
    if (pending.length === 0) return;
    post({ type: 'batches', points: pending });
    pending = [];
    lastFlush = performance.now();
  };
  try {
    if (start.initialWeightsUrl) await loadWeights(model, start.initialWeightsUrl);
    const augmentation = start.augmentation ? AugmentationConfigSchema.parse(start.augmentation) : null;
    const augment = augmentation && !isAugmentationOff(augmentation) ? augmentation : null;
    const outcome = await trainFromSource(tf, model, source, {
      config,
      shouldStop: () => stopped,
      waitWhilePaused,
      ...(augment
        ? {
            transformBatch: (b, epoch, index) =>
              augmentBatch(b, source.featureShape, augment, (config.seed ?? 1) * 1_000_003 + epoch * 10_007 + index),
          }
        : {}),
      onBatchEnd: (info) => {
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
      onEpochEnd: (record) => {
        flush();
        post({ type: 'epoch', record });
      },
    });
    flush();
    const finalMetrics = await finalFigures(model, source, config, outcome);
    const evaluation = outcome.cancelled ? null : await evaluateModel(tf, model, source, { samples: 24 });
    let exported: Extract<FromWorker, { type: 'done' }>['model'] = null;
    if (!outcome.cancelled) {
      const artifacts = await tfjsArtifacts(tf, model);
      const manifest = (artifacts['model.json'].weightsManifest as { weights: { name: string; shape: number[]; dtype: string }[] }[])[0];
      const bytes = artifacts['weights.bin'];
      exported = {
        modelTopology: artifacts['model.json'].modelTopology as Record<string, unknown>,
        weightSpecs: manifest?.weights ?? [],
        weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      };
    }
    disposeModel(model);
    const message: FromWorker = {
      type: 'done',
      cancelled: outcome.cancelled,
      stoppedEarly: outcome.stoppedEarly,
      bestEpoch: outcome.bestEpoch,
      finalMetrics,
      evaluation,
      model: exported,
      tensors: { baseline, after: tf.memory().numTensors },
      wallTimeMs: Math.round(performance.now() - started - pausedMs),
    };
    post(message, exported ? [exported.weightData] : []);
  } catch (error) {
    disposeModel(model);
    throw error;
  }
}

/** The kept epoch's figures (the best one with keep-best) plus the test split's. */
async function finalFigures(
  model: tf.LayersModel,
  source: BatchSource,
  config: TrainingConfig,
  outcome: Awaited<ReturnType<typeof trainFromSource>>,
): Promise<Record<string, number>> {
  const kept = (config.keepBest && outcome.epochs.find((e) => e.epoch === outcome.bestEpoch)) || outcome.epochs[outcome.epochs.length - 1];
  const figures: Record<string, number> = { ...(kept?.metrics ?? {}), epochs: outcome.epochs.length };
  if (outcome.bestEpoch !== null) figures.bestEpoch = outcome.bestEpoch + 1;
  if (outcome.epochs.length > 0)
    figures.samplesPerSecond = outcome.epochs.reduce((n, e) => n + e.samplesPerSecond, 0) / outcome.epochs.length;
  if (!outcome.cancelled && source.count('test') > 0) {
    Object.assign(figures, prefixed('test', await evaluateSource(tf, model, source, 'test', targetShapeOf(source, model, config))));
  }
  return figures;
}

/** Continue training: the trained weights of another run (`…/model` and `…/weights.bin`). */
async function loadWeights(model: tf.LayersModel, url: string): Promise<void> {
  const json = (await (await fetch(url)).json()) as { weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const bytes = await (await fetch(url.replace(/\/model$/, '/weights.bin'))).arrayBuffer();
  const named = tf.io.decodeWeights(bytes, json.weightsManifest[0]?.weights ?? []);
  try {
    const result = assignWeights(model, named);
    if (!result.ok) throw new Error(`Those weights do not fit this model: ${result.diagnostics[0]?.message}`);
  } finally {
    tf.dispose(Object.values(named));
  }
}

function emptyDone(): Omit<Extract<FromWorker, { type: 'done' }>, 'type'> {
  return {
    cancelled: true,
    stoppedEarly: false,
    bestEpoch: null,
    finalMetrics: {},
    evaluation: null,
    model: null,
    tensors: { baseline: 0, after: 0 },
    wallTimeMs: 0,
  };
}
