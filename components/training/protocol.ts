import type { DatasetLocation } from '@/components/datasets/dataset-endpoints';
import type { EpochViews, PlanePoints } from '@/components/inside/epoch-views';
import type { BackendFigures, BackendName } from '@/engine/backends';
import type { GraphDoc } from '@/engine/graph/schema';
import type { TrainingConfig, TrainingConfigInput } from '@/engine/graph/training-config';
import type { EpochRecord } from '@/engine/train/epoch-record';
import type { Evaluation } from '@/engine/train/evaluation';
import type { WeightLoadPlan } from '@/engine/train/load-plan';
import type { RunTiming } from '@/engine/train/phase-clock';

/** Messages between the Train page and its training Web Worker (train.worker.ts). */

export interface StartMessage {
  type: 'start';
  graph: GraphDoc;
  /** The dataset to train on; its endpoints come from the route contracts (dataset-endpoints.ts). */
  dataset: DatasetLocation;
  overrides: TrainingConfigInput;
  /** Augmentation of training images (engine/data/augment.ts), or null. */
  augmentation: Record<string, unknown> | null;
  /** Backends to measure, fastest wins; one entry is used at once, unmeasured. */
  backends: BackendName[];
  /** Where the wasm binaries are served (`setWasmPaths`). */
  wasmPath: string;
  /** Continue from a run's trained weights (`/api/runs/:runId/model`). */
  initialWeightsUrl: string | null;
}

export type ToWorker = StartMessage | { type: 'go' } | { type: 'pause' } | { type: 'resume' } | { type: 'stop' };

export interface BatchPoint {
  /** Global step, 1-based: epoch × batches + batch + 1. */
  step: number;
  epoch: number;
  batch: number;
  batches: number;
  metrics: Record<string, number>;
  /** When the batch finished (the worker's performance.now(), ms). */
  at: number;
}

export type FromWorker =
  | { type: 'measuring'; candidates: BackendName[] }
  /** One candidate's measurement began (`samplesPerSecond` absent) or ended. */
  | { type: 'probe'; backend: BackendName; index: number; count: number; samplesPerSecond?: number }
  | {
      type: 'measured';
      backend: BackendName;
      figures: BackendFigures[];
      /** The WebAssembly backend's threads, when it was initialised (measured or chosen). */
      wasmThreads?: number;
      config: TrainingConfig;
      counts: { train: number; validation: number; test: number };
      batchesPerEpoch: number;
    }
  | { type: 'batches'; points: BatchPoint[] }
  | { type: 'epoch'; record: EpochRecord }
  /** The weights' histograms and, for 2-D points, the decision boundary after an epoch. */
  | { type: 'views'; views: EpochViews }
  /** The training points of a 2-D set, once, for drawing over the boundary. */
  | { type: 'plane'; points: PlanePoints }
  /** How the weights of the run this one continues from were loaded, layer by layer. */
  | { type: 'weights'; plan: WeightLoadPlan }
  | {
      type: 'done';
      cancelled: boolean;
      stoppedEarly: boolean;
      bestEpoch: number | null;
      finalMetrics: Record<string, number>;
      evaluation: Evaluation | null;
      /** Where the run's time went in the worker. */
      timing: RunTiming;
      model: {
        modelTopology: Record<string, unknown>;
        weightSpecs: { name: string; shape: number[]; dtype: string }[];
        /** TF.js layer name → node id: the weights' identity. */
        layerNodes: Record<string, string>;
        weightData: ArrayBuffer;
      } | null;
      /** `tf.memory().numTensors` before the run and after everything was disposed. */
      tensors: { baseline: number; after: number };
      wallTimeMs: number;
    }
  | { type: 'error'; message: string };
