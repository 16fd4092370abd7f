import type * as tfjs from '@tensorflow/tfjs';
import type { BatchSource } from '../data/batch-source';
import type { TrainingConfig } from '../graph/training-config';
import type { EpochRecord } from './epoch-record';
import type { LoadPolicy, WeightLoadPlan } from './load-plan';
import type { SavedWeights } from './node-weights';
import type { BatchInfo } from './train-stream';

/** What a run looks like once its settings are resolved, before the first batch. */
export interface JobReady {
  config: TrainingConfig;
  counts: { train: number; validation: number; test: number };
  batchesPerEpoch: number;
}

/** Where a run starts: the epoch it resumes at and how the initial weights were loaded. */
export interface JobStart {
  config: TrainingConfig;
  initialEpoch: number;
  /** True when a checkpoint was restored. */
  resumed: boolean;
  /** How the weights of the run it continues from were loaded, when it continues from one. */
  weightPlan: WeightLoadPlan | null;
}

/** A resumable point of a run: the checkpoint bytes and the epochs recorded up to it. */
export interface StoredCheckpoint {
  bytes: Uint8Array;
  epochs: EpochRecord[];
}

/** Where a host keeps checkpoints (the server: blobs written with the epoch, atomically). */
export interface CheckpointStore {
  /** The checkpoint to resume from, or null for a fresh start. */
  latest(): Promise<StoredCheckpoint | null>;
  /** Keeps an epoch with the checkpoint that includes it; false when the host may no longer write. */
  save(record: EpochRecord, bytes: Uint8Array): Promise<boolean>;
}

/** Where progress goes (a page, Server-Sent Events, a terminal). Every method may be async. */
export interface ProgressSink {
  started?(start: JobStart): void | Promise<void>;
  batch?(info: BatchInfo): void | Promise<void>;
  /**
   * After the epoch's checkpoint is taken (it is stored while the next epoch trains); `model` is the training model
   * with the epoch's weights, to look at (histograms, a decision grid), never to keep or change.
   */
  epoch?(record: EpochRecord, model: tfjs.LayersModel): void | Promise<void>;
}

/** Stop and pause, checked between batches. */
export interface RunControl {
  shouldStop(): boolean;
  waitWhilePaused?(): Promise<void> | void;
}

/**
 * What one place that trains (the browser worker, a server worker, the CLI) gives the run driver:
 * the data, and optionally where the starting weights, checkpoints, progress and stop signal live.
 */
export interface RunHost {
  source: BatchSource;
  /**
   * Called once the settings are resolved and before the training model is built: the place to pick
   * a backend (building throwaway models with `build`) and to wait for a go. False cancels the run.
   */
  beforeTraining?(ready: JobReady, build: () => tfjs.LayersModel): Promise<boolean>;
  /** The weights to start from when not resuming (continue from a run), with how to load them. */
  initialWeights?(): Promise<{ weights: SavedWeights; policy: LoadPolicy } | null>;
  checkpoints?: CheckpointStore;
  progress?: ProgressSink;
  control?: RunControl;
  /** Whether to run the task's evaluation (confusion matrix, residuals…) at the end; default true. */
  evaluation?: boolean;
}
