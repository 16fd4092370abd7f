import type * as tfjs from '@tensorflow/tfjs';
import type { Batch, BatchSource } from '../data/batch-source';
import type { TrainingConfig } from '../graph/training-config';
import type { Tf } from '../layers/spec';
import { lossFor } from '../tasks/objectives';
import { taskSpec } from '../tasks/registry';
import { batchTensors, outputUnits, type TargetShape } from './batch-tensors';
import { type EpochRecord, metricName, type TrainOutcome } from './epoch-record';
import { evaluateSource, prefixed } from './evaluate-source';
import { enterPhaseTwo, phaseOf, phaseRateFactor } from './fine-tuning';
import { throttledYield } from './macrotask';
import { scheduledRate, setLearningRate } from './optimizer';
import { type PhaseClock, phaseClock } from './phase-clock';
import { compileForTraining } from './prepare-model';

/** Keep-best and early-stopping bookkeeping: part of a checkpoint, so a resumed run decides alike. */
export interface TrackerState {
  bestEpoch: number | null;
  bestValue: number | null;
  sinceImprovement: number;
}

export const FRESH_TRACKER: TrackerState = { bestEpoch: null, bestValue: null, sinceImprovement: 0 };

export interface BatchInfo {
  epoch: number;
  /** 0-based index of the batch that just finished, and how many the epoch has. */
  batch: number;
  batches: number;
  size: number;
  /** Training loss and metrics of this batch (`loss`, `accuracy`…). */
  metrics: Record<string, number>;
}

export interface EpochContext {
  model: tfjs.LayersModel;
  tracker: TrackerState;
  /** Weights of the best epoch so far when keep-best holds a copy that differs from the model's. */
  bestWeights: tfjs.Tensor[] | null;
}

export interface StreamTrainOptions {
  config: TrainingConfig;
  /** Epoch to start from when resuming; earlier epochs are not run again. */
  initialEpoch?: number;
  /** Keep-best and early-stopping state restored from a checkpoint. */
  tracker?: TrackerState;
  /** Best weights restored from a checkpoint (taken over: disposed by the trainer). */
  bestWeights?: tfjs.Tensor[] | null;
  onBatchEnd?(info: BatchInfo): void | Promise<void>;
  /** Awaited before the next epoch starts: the place to record and checkpoint. */
  onEpochEnd?(record: EpochRecord, context: EpochContext): void | Promise<void>;
  /** Checked before every batch: true stops the run (the unfinished epoch is not recorded). */
  shouldStop?(): boolean;
  /** Awaited before every batch; resolves when a paused run may go on. */
  waitWhilePaused?(): Promise<void> | void;
  /** Changes a training batch (augmentation); validation and test batches are left alone. */
  transformBatch?(batch: Batch, epoch: number, index: number): Batch;
  /** Let timers, messages and I/O run at least this often (ms); default 50. */
  yieldEveryMs?: number;
  /** Where the loop's time goes (data, tensors, training, validation, progress…); the caller reads it. */
  clock?: PhaseClock;
}

/** Source-derived facts a stream trainer needs about the targets: the source's task and the run's loss. */
export function targetShapeOf(source: BatchSource, model: tfjs.LayersModel, config: TrainingConfig): TargetShape {
  const task = taskSpec(source.task);
  const loss = lossFor(task, config.loss);
  if (!loss) throw new Error(`Unknown loss "${config.loss}" for ${task.label}.`);
  return {
    task,
    loss,
    featureShape: source.featureShape,
    labelSize: source.labelSize,
    ...(source.classes ? { classes: source.classes } : {}),
    outputUnits: outputUnits(model),
  };
}

const MONITOR_KEYS: Record<string, string> = { val_loss: 'valLoss', val_acc: 'valAccuracy', loss: 'loss', acc: 'accuracy' };

/** The figure keep-best and early stopping watch, as shown names, and whether higher is better. */
export function monitorOf(config: TrainingConfig, hasValidation: boolean): { key: string; higherIsBetter: boolean } {
  let key = MONITOR_KEYS[config.earlyStopping?.monitor ?? (hasValidation ? 'val_loss' : 'loss')] ?? 'loss';
  if (!hasValidation && key.startsWith('val')) key = key === 'valAccuracy' ? 'accuracy' : 'loss';
  return { key, higherIsBetter: key.endsWith('ccuracy') };
}

/**
 * Trains a compiled-or-not model from a {@link BatchSource}, one batch at a time with the next batch
 * already on its way (so a database- or network-backed source does not stall the backend). Between
 * batches it honours stop and pause and reports the batch's figures; after each epoch it evaluates
 * the validation split, applies the learning-rate schedule, keep-best and early stopping, and awaits
 * `onEpochEnd` (record, checkpoint). Epoch `e` shuffles with seed `seed·1000 + e`, so a run resumed
 * from a checkpoint sees the same batches it would have seen. Disposes every tensor it creates; with
 * keep-best the model ends holding its best epoch's weights. With two-phase fine-tuning the model
 * switches to phase 2 at its first epoch (`fine-tuning.ts`) and every record carries its phase.
 */
export async function trainFromSource(
  tf: Tf,
  model: tfjs.LayersModel,
  source: BatchSource,
  options: StreamTrainOptions,
): Promise<TrainOutcome> {
  const { config } = options;
  if (!model.optimizer) compileForTraining(tf, model, config, source.task);
  const target = targetShapeOf(source, model, config);
  const hasValidation = source.count('validation') > 0;
  const monitor = monitorOf(config, hasValidation);
  const trainCount = source.count('train');
  if (trainCount === 0) throw new Error(`${source.name} has no training samples.`);
  const batches = Math.ceil(trainCount / config.batchSize);
  const names = model.metricsNames.map(metricName);
  const pause = throttledYield(options.yieldEveryMs ?? 50);
  const clock = options.clock ?? phaseClock();
  const tracker: TrackerState = { ...(options.tracker ?? FRESH_TRACKER) };
  let bestWeights: tfjs.Tensor[] | null = options.bestWeights ?? null;
  // Resumed right after the best epoch: the restored weights are the best ones.
  if (config.keepBest && !bestWeights && tracker.bestEpoch !== null && tracker.bestEpoch === (options.initialEpoch ?? 0) - 1)
    bestWeights = model.getWeights().map((w) => w.clone());
  const epochs: EpochRecord[] = [];
  let stoppedEarly = false;
  let cancelled = false;
  try {
    for (let epoch = options.initialEpoch ?? 0; epoch < config.epochs && !cancelled; epoch++) {
      const phase = phaseOf(config, epoch);
      if (phase === 2) bestWeights = enterPhaseTwo(tf, model, config, source.task, bestWeights).kept;
      const rate = scheduledRate(config, epoch) * phaseRateFactor(config, epoch);
      setLearningRate(model.optimizer, rate);
      const started = performance.now();
      const sums = new Array<number>(names.length).fill(0);
      let seen = 0;
      const iterator = source
        .batches('train', { batchSize: config.batchSize, ...(config.shuffle ? { shuffleSeed: (config.seed ?? 1) * 1000 + epoch } : {}) })
        [Symbol.asyncIterator]();
      try {
        let pending = iterator.next();
        for (let index = 0; ; index++) {
          await clock.time('yield', pause);
          if (options.waitWhilePaused) await clock.time('paused', () => options.waitWhilePaused?.());
          if (options.shouldStop?.()) {
            cancelled = true;
            break;
          }
          const next = await clock.time('data', () => pending);
          if (next.done) break;
          pending = iterator.next(); // prefetch while this batch trains
          const transform = options.transformBatch;
          const batch = transform ? clock.time('augmentation', () => transform(next.value, epoch, index)) : next.value;
          const { x, y } = clock.time('tensors', () => batchTensors(tf, batch, source.featureShape, target));
          let values: number[];
          try {
            const out = await clock.time('training', () => model.trainOnBatch(x, y));
            values = Array.isArray(out) ? out : [out];
          } finally {
            tf.dispose([x, y]);
          }
          const metrics: Record<string, number> = {};
          names.forEach((name, i) => {
            metrics[name] = values[i] as number;
            sums[i] = (sums[i] ?? 0) + (values[i] as number) * batch.size;
          });
          seen += batch.size;
          clock.countSamples(batch.size);
          if (options.onBatchEnd)
            await clock.time('progress', () => options.onBatchEnd?.({ epoch, batch: index, batches, size: batch.size, metrics }));
        }
      } finally {
        await iterator.return?.();
      }
      if (cancelled) break;
      const trainSeconds = (performance.now() - started) / 1000;
      const metrics: Record<string, number> = {};
      names.forEach((name, i) => {
        metrics[name] = (sums[i] ?? 0) / Math.max(seen, 1);
      });
      if (hasValidation)
        Object.assign(
          metrics,
          prefixed('val', await clock.time('validation', () => evaluateSource(tf, model, source, 'validation', target))),
        );
      const seconds = (performance.now() - started) / 1000;
      const record: EpochRecord = {
        epoch,
        metrics,
        learningRate: rate,
        seconds,
        samplesPerSecond: seen / Math.max(trainSeconds, 1e-9),
        ...(phase ? { phase } : {}),
      };
      epochs.push(record);

      const value = metrics[monitor.key];
      const improved =
        value !== undefined &&
        Number.isFinite(value) &&
        (tracker.bestValue === null || (monitor.higherIsBetter ? value > tracker.bestValue : value < tracker.bestValue));
      if (improved) {
        tracker.bestEpoch = epoch;
        tracker.bestValue = value;
        tracker.sinceImprovement = 0;
        if (config.keepBest) {
          if (bestWeights) tf.dispose(bestWeights);
          bestWeights = model.getWeights().map((w) => w.clone());
        }
      } else {
        tracker.sinceImprovement++;
      }
      const context = { model, tracker: { ...tracker }, bestWeights: tracker.bestEpoch === epoch ? null : bestWeights };
      if (options.onEpochEnd) await clock.time('progress', () => options.onEpochEnd?.(record, context));
      if (config.earlyStopping && tracker.sinceImprovement >= config.earlyStopping.patience) {
        stoppedEarly = true;
        break;
      }
      if (options.shouldStop?.()) {
        cancelled = true;
        break;
      }
    }
    if (config.keepBest && bestWeights) model.setWeights(bestWeights);
    return { epochs, bestEpoch: tracker.bestEpoch, stoppedEarly, cancelled };
  } finally {
    if (bestWeights) tf.dispose(bestWeights);
  }
}
