'use client';

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { DatasetLocation } from '@/components/datasets/dataset-endpoints';
import type { EpochViews, PlanePoints } from '@/components/inside/epoch-views';
import { type CallBody, call, decodeAnswer, urlOf } from '@/components/ui/api';
import type { BackendFigures, BackendName } from '@/engine/backends';
import type { GraphDoc } from '@/engine/graph/schema';
import type { TrainingConfig, TrainingConfigInput } from '@/engine/graph/training-config';
import type { EpochRecord } from '@/engine/train/epoch-record';
import type { Evaluation } from '@/engine/train/evaluation';
import type { WeightLoadPlan } from '@/engine/train/load-plan';
import type { RunTiming } from '@/engine/train/phase-clock';
import { QUEUED, type RunEvent, type RunState, runTransition } from '@/engine/train/run-lifecycle';
import * as trainingRoutes from '@/server/training/routes';
import * as weightRoutes from '@/server/weights/routes';
import type { BatchPoint, FromWorker, ToWorker } from './protocol';

export interface BrowserTrainingRequest {
  projectId: string;
  versionNumber: number;
  graph: GraphDoc;
  /** The dataset, as the runs API names it and as the batch reader finds it. */
  dataset: DatasetLocation;
  overrides: TrainingConfigInput;
  augmentation: Record<string, unknown> | null;
  initialRunId: string | null;
  /** Without a run to continue from: whether the version has weights of its own to start from. */
  versionWeights?: boolean;
  backends: BackendName[];
}

export interface BrowserTraining {
  state: RunState;
  /** measuring → training → saving → done (or error); `idle` before the first start. */
  phase: 'idle' | 'measuring' | 'training' | 'saving' | 'done' | 'error';
  backend: BackendName | null;
  figures: BackendFigures[];
  /** The WebAssembly backend's threads, once it was initialised (every core where the page is cross-origin isolated). */
  wasmThreads: number | undefined;
  candidates: BackendName[];
  /** The backend measurement under way: which candidate, of how many, and whether it is done. */
  probe: { backend: BackendName; index: number; count: number; done: boolean } | null;
  config: TrainingConfig | null;
  runId: string | null;
  batches: BatchPoint[];
  epochs: EpochRecord[];
  evaluation: Evaluation | null;
  finalMetrics: Record<string, number> | null;
  /** Where the run's time went, once it is done. */
  timing: RunTiming | null;
  tensors: { baseline: number; after: number } | null;
  /** How the weights of the run this one continues from were loaded, layer by layer. */
  weightPlan: WeightLoadPlan | null;
  error: string | null;
  /** The newest epoch's weight histograms and, for 2-D points, decision boundary. */
  views: EpochViews | null;
  /** The training points of a 2-D set, drawn over the boundary. */
  plane: PlanePoints | null;
  /** Bumped whenever the series above grew, so charts know to redraw. */
  revision: number;
  start(request: BrowserTrainingRequest): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

/**
 * Trains in a module Web Worker and keeps the page's picture of it: the run's lifecycle (the
 * engine's pure reducer), the per-batch and per-epoch series, the chosen backend and how each one
 * measured, and the evaluation at the end. Records the run on the server as it goes: created once
 * the backend is known, each epoch as it ends, then the final figures, evaluation and the trained
 * weights (uploaded as weights.bin).
 */
export function useBrowserTraining(): BrowserTraining {
  const [state, dispatch] = useReducer(pageReducer, QUEUED);
  const [phase, setPhase] = useState<BrowserTraining['phase']>('idle');
  const [backend, setBackend] = useState<BackendName | null>(null);
  const [figures, setFigures] = useState<BackendFigures[]>([]);
  const [wasmThreads, setWasmThreads] = useState<number | undefined>(undefined);
  const [candidates, setCandidates] = useState<BackendName[]>([]);
  const [probe, setProbe] = useState<BrowserTraining['probe']>(null);
  const [config, setConfig] = useState<TrainingConfig | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const [finalMetrics, setFinalMetrics] = useState<Record<string, number> | null>(null);
  const [timing, setTiming] = useState<RunTiming | null>(null);
  const [tensors, setTensors] = useState<BrowserTraining['tensors']>(null);
  const [weightPlan, setWeightPlan] = useState<WeightLoadPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [views, setViews] = useState<EpochViews | null>(null);
  const [plane, setPlane] = useState<PlanePoints | null>(null);
  const batches = useRef<BatchPoint[]>([]);
  const epochs = useRef<EpochRecord[]>([]);
  const worker = useRef<Worker | null>(null);
  const reports = useRef<Promise<unknown>>(Promise.resolve());
  const frame = useRef<number | null>(null);

  const redraw = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setRevision((r) => r + 1);
    });
  }, []);

  useEffect(() => () => worker.current?.terminate(), []);

  /** Server reports go one after another, in order. */
  const report = useCallback((task: () => Promise<unknown>) => {
    reports.current = reports.current.then(task, task);
    return reports.current;
  }, []);

  const start = useCallback(
    (request: BrowserTrainingRequest) => {
      worker.current?.terminate();
      batches.current = [];
      epochs.current = [];
      setEvaluation(null);
      setFinalMetrics(null);
      setTiming(null);
      setTensors(null);
      setWeightPlan(null);
      setViews(null);
      setPlane(null);
      setError(null);
      setRunId(null);
      setFigures([]);
      setWasmThreads(undefined);
      setBackend(null);
      setProbe(null);
      setPhase('measuring');
      dispatch({ type: 'reset' });
      let id: string | null = null;
      let plan: WeightLoadPlan | null = null;
      const w = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      const send = (message: ToWorker) => w.postMessage(message);
      const fail = (message: string) => {
        setError(message);
        setPhase('error');
        dispatch({ type: 'fail', error: message });
        w.terminate();
        const runId = id;
        if (runId) void report(() => call(trainingRoutes.finishRun, { params: { runId }, body: { status: 'failed', error: message } }));
      };
      w.onerror = (event) => fail(event.message || 'The training worker stopped unexpectedly.');
      w.onmessage = async (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === 'measuring') setCandidates(message.candidates);
        else if (message.type === 'probe') setProbe({ ...message, done: message.samplesPerSecond !== undefined });
        else if (message.type === 'measured') {
          setBackend(message.backend);
          setFigures(message.figures);
          setWasmThreads(message.wasmThreads);
          setConfig(message.config);
          const created = await call(trainingRoutes.createRun, {
            params: { projectId: request.projectId },
            body: {
              versionNumber: request.versionNumber,
              dataset: request.dataset,
              place: 'browser',
              backend: message.backend,
              settings: { training: message.config, ...(request.augmentation ? { augmentation: request.augmentation } : {}) },
              ...(request.initialRunId ? { initialRunId: request.initialRunId } : {}),
            },
          });
          if (!created.ok) return fail(`The run could not be recorded: ${created.message}`);
          id = created.data.id;
          setRunId(id);
          dispatch({
            type: 'start',
            backend: message.backend,
            totalEpochs: message.config.epochs,
            batchesPerEpoch: message.batchesPerEpoch,
            at: performance.now(),
          });
          setPhase('training');
          send({ type: 'go' });
        } else if (message.type === 'batches') {
          batches.current.push(...message.points);
          const last = message.points[message.points.length - 1];
          if (last) dispatch({ type: 'batch', batch: last.batch + 1, batchesPerEpoch: last.batches, at: performance.now() });
          redraw();
        } else if (message.type === 'views') {
          setViews(message.views);
        } else if (message.type === 'plane') {
          setPlane(message.points);
        } else if (message.type === 'epoch') {
          epochs.current.push(message.record);
          dispatch({ type: 'epoch', epoch: message.record.epoch, metrics: message.record.metrics, at: performance.now() });
          redraw();
          const { epoch, metrics, learningRate, seconds } = message.record;
          const runId = id;
          if (runId)
            void report(() => call(trainingRoutes.reportEpoch, { params: { runId }, body: { epoch, metrics, learningRate, seconds } }));
        } else if (message.type === 'weights') {
          plan = message.plan;
          setWeightPlan(message.plan);
        } else if (message.type === 'done') {
          setEvaluation(message.evaluation);
          setFinalMetrics(message.finalMetrics);
          setTiming(message.timing);
          setTensors(message.tensors);
          w.terminate();
          if (!id) {
            setPhase('done');
            dispatch({ type: 'cancel' });
            return;
          }
          setPhase('saving');
          const params = { runId: id };
          await report(async () => {
            let weights: CallBody<typeof trainingRoutes.finishRun>['weights'];
            if (message.model) {
              const upload = trainingRoutes.uploadRunWeights;
              const uploaded = await fetch(urlOf(upload, { params }), { method: upload.method, body: message.model.weightData }).then(
                async (r) => decodeAnswer(upload, r.status, await r.text()),
                () => null,
              );
              if (uploaded?.ok) {
                weights = {
                  hash: uploaded.data.hash,
                  modelTopology: message.model.modelTopology,
                  weightSpecs: message.model.weightSpecs,
                  layerNodes: message.model.layerNodes,
                };
              }
            }
            const finished = await call(trainingRoutes.finishRun, {
              params,
              body: {
                status: message.cancelled ? 'cancelled' : 'completed',
                finalMetrics: message.finalMetrics,
                wallTimeMs: message.wallTimeMs,
                ...(message.evaluation ? { evaluation: message.evaluation } : {}),
                timing: message.timing,
                ...(weights ? { weights } : {}),
                ...(plan ? { weightPlan: plan } : {}),
              },
            });
            if (!finished.ok) setError(`The result could not be saved: ${finished.message}`);
          });
          dispatch(
            message.cancelled
              ? { type: 'cancel' }
              : { type: 'complete', final: message.finalMetrics, stoppedEarly: message.stoppedEarly, at: performance.now() },
          );
          setPhase('done');
        } else if (message.type === 'error') fail(message.message);
      };
      send({
        type: 'start',
        graph: request.graph,
        dataset: request.dataset,
        overrides: request.overrides,
        augmentation: request.augmentation,
        backends: request.backends,
        wasmPath: '/vendor/tfjs-wasm/',
        initialWeightsUrl: request.initialRunId
          ? urlOf(trainingRoutes.runModel, { params: { runId: request.initialRunId } })
          : request.versionWeights
            ? urlOf(weightRoutes.versionWeights, { params: { projectId: request.projectId, number: request.versionNumber } })
            : null,
      });
    },
    [redraw, report],
  );

  return {
    state,
    phase,
    backend,
    figures,
    wasmThreads,
    candidates,
    probe,
    config,
    runId,
    batches: batches.current,
    epochs: epochs.current,
    evaluation,
    finalMetrics,
    timing,
    tensors,
    weightPlan,
    error,
    views,
    plane,
    revision,
    start,
    pause: () => {
      worker.current?.postMessage({ type: 'pause' } satisfies ToWorker);
      dispatch({ type: 'pause', at: performance.now() });
    },
    resume: () => {
      worker.current?.postMessage({ type: 'resume' } satisfies ToWorker);
      dispatch({ type: 'resume', at: performance.now() });
    },
    stop: () => worker.current?.postMessage({ type: 'stop' } satisfies ToWorker),
  };
}

/** The engine's run reducer, plus `reset`: a new run on the same page starts from `queued`. */
function pageReducer(state: RunState, event: RunEvent | { type: 'reset' }): RunState {
  return event.type === 'reset' ? QUEUED : runTransition(state, event);
}
