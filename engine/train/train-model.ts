import type * as tfjs from '@tensorflow/tfjs';
import type { TrainingConfig } from '../graph/training-config';
import type { Tf } from '../layers/spec';
import { compileObjectives } from '../tasks/objectives';
import { type TaskRef, taskSpec } from '../tasks/registry';
import { makeOptimizer, scheduledRate, setLearningRate } from './optimizer';

export interface TrainData {
  x: tfjs.Tensor | tfjs.Tensor[];
  y: tfjs.Tensor | tfjs.Tensor[];
  validation?: { x: tfjs.Tensor | tfjs.Tensor[]; y: tfjs.Tensor | tfjs.Tensor[] };
}

/** The figures of one finished epoch, with metric names as the UI shows them (loss, accuracy, valLoss…). */
export interface EpochRecord {
  epoch: number;
  metrics: Record<string, number>;
  learningRate: number;
  seconds: number;
  samplesPerSecond: number;
}

export interface TrainOptions {
  config: TrainingConfig;
  /** Epoch to start from (resuming from a checkpoint); epochs before it are not run again. */
  initialEpoch?: number;
  onEpochEnd?(record: EpochRecord, model: tfjs.LayersModel): void | Promise<void>;
  onBatchEnd?(batch: number, logs: Record<string, number>): void | Promise<void>;
  /** Checked between batches: return true to stop after the current batch. */
  shouldStop?(): boolean;
}

export interface TrainOutcome {
  epochs: EpochRecord[];
  bestEpoch: number | null;
  stoppedEarly: boolean;
  cancelled: boolean;
}

/** TF.js log keys → the names NetCanvas shows. */
export function metricName(key: string): string {
  const val = key.startsWith('val_');
  const base = (val ? key.slice(4) : key).replace(/^acc$/, 'accuracy');
  return val ? `val${base[0]?.toUpperCase()}${base.slice(1)}` : base;
}

/**
 * Compiles the model with the graph's optimizer, loss and metrics, taken from their specs (the
 * task's own first, when the task is given).
 */
export function compileForTraining(tf: Tf, model: tfjs.LayersModel, config: TrainingConfig, task?: TaskRef): void {
  model.compile({ optimizer: makeOptimizer(tf, config), ...compileObjectives(tf, task === undefined ? null : taskSpec(task), config) });
}

/**
 * Trains epoch by epoch (so the learning-rate schedule, early stopping, keep-best and cancellation
 * act between epochs), reporting each epoch as it ends. Disposes every tensor it creates; with
 * keep-best, the model ends with the weights of its best epoch.
 */
export async function trainModel(tf: Tf, model: tfjs.LayersModel, data: TrainData, options: TrainOptions): Promise<TrainOutcome> {
  const { config } = options;
  if (!model.optimizer) compileForTraining(tf, model, config);
  const optimizer = model.optimizer;
  const monitorKey = config.earlyStopping?.monitor ?? (data.validation ? 'val_loss' : 'loss');
  const higherIsBetter = monitorKey.endsWith('acc');
  const samples = (Array.isArray(data.x) ? data.x[0] : data.x)?.shape[0] ?? 0;
  const epochs: EpochRecord[] = [];
  let best: { epoch: number; value: number; weights: tfjs.Tensor[] } | null = null;
  let sinceImprovement = 0;
  let stoppedEarly = false;
  let cancelled = false;
  try {
    for (let epoch = options.initialEpoch ?? 0; epoch < config.epochs; epoch++) {
      const rate = scheduledRate(config, epoch);
      setLearningRate(optimizer, rate);
      const started = performance.now();
      const history = await model.fit(data.x, data.y, {
        epochs: 1,
        batchSize: config.batchSize,
        shuffle: config.shuffle,
        verbose: 0,
        ...(data.validation
          ? { validationData: [data.validation.x, data.validation.y] as [tfjs.Tensor | tfjs.Tensor[], tfjs.Tensor | tfjs.Tensor[]] }
          : {}),
        callbacks: {
          onBatchEnd: async (batch, logs) => {
            if (options.shouldStop?.()) {
              model.stopTraining = true;
              cancelled = true;
            }
            await options.onBatchEnd?.(batch, (logs ?? {}) as Record<string, number>);
          },
        },
      });
      if (cancelled) break;
      const seconds = (performance.now() - started) / 1000;
      const metrics: Record<string, number> = {};
      for (const [key, values] of Object.entries(history.history)) metrics[metricName(key)] = Number(values[values.length - 1]);
      const record: EpochRecord = { epoch, metrics, learningRate: rate, seconds, samplesPerSecond: samples / Math.max(seconds, 1e-9) };
      epochs.push(record);
      const value = Number(history.history[monitorKey]?.[0] ?? Number.NaN);
      const improved = best === null || (Number.isFinite(value) && (higherIsBetter ? value > best.value : value < best.value));
      if (improved && Number.isFinite(value)) {
        if (config.keepBest) {
          if (best) tf.dispose(best.weights);
          best = { epoch, value, weights: model.getWeights().map((w) => w.clone()) };
        } else {
          best = { epoch, value, weights: [] };
        }
        sinceImprovement = 0;
      } else {
        sinceImprovement++;
      }
      await options.onEpochEnd?.(record, model);
      if (config.earlyStopping && sinceImprovement >= config.earlyStopping.patience) {
        stoppedEarly = true;
        break;
      }
      if (options.shouldStop?.()) {
        cancelled = true;
        break;
      }
    }
    if (config.keepBest && best && best.weights.length > 0 && best.epoch !== epochs[epochs.length - 1]?.epoch)
      model.setWeights(best.weights);
    return { epochs, bestEpoch: best?.epoch ?? null, stoppedEarly, cancelled };
  } finally {
    if (best) tf.dispose(best.weights);
  }
}
