import type * as tfjs from '@tensorflow/tfjs';
import { AugmentationConfigSchema, augmentBatch, isAugmentationOff } from '../data/augment';
import { tfjsArtifacts } from '../export/tfjs-artifacts';
import type { GraphDoc } from '../graph/schema';
import type { TrainingConfig, TrainingConfigInput } from '../graph/training-config';
import type { Tf } from '../layers/spec';
import { taskSpec } from '../tasks/registry';
import { decodeCheckpoint, encodeCheckpoint, restoreCheckpoint } from './checkpoint';
import type { EpochRecord } from './epoch-record';
import { evaluateSource, prefixed } from './evaluate-source';
import { type Evaluation, evaluateModel } from './evaluation';
import { finalFigures, keptEpochOf } from './final-figures';
import type { WeightLoadPlan } from './load-plan';
import { layerNodesOf, loadWeightsByNode } from './node-weights';
import { buildResolved, disposeModel, prepareModel } from './prepare-model';
import type { JobStart, RunHost } from './run-host';
import { FRESH_TRACKER, type StreamTrainOptions, targetShapeOf, trainFromSource } from './train-stream';

/** A run's settings as stored with it: training overrides and the augmentation of training batches. */
export interface JobSettings {
  training: TrainingConfigInput;
  augmentation?: unknown;
}

/** The trained model as TF.js files, with the node each layer came from (the weights' identity). */
export interface RunArtifacts {
  modelTopology: Record<string, unknown>;
  weightSpecs: { name: string; shape: number[]; dtype: string }[];
  weightData: Uint8Array;
  layerNodes: Record<string, string>;
  /** Epoch whose weights these are (keep-best: the best one). */
  epoch: number | null;
}

export type JobResult =
  | { ok: false; problem: string }
  | {
      ok: true;
      config: TrainingConfig;
      cancelled: boolean;
      stoppedEarly: boolean;
      /** 0-based epoch with the best watched figure. */
      bestEpoch: number | null;
      /** Every epoch of the run, those before a resume included. */
      epochs: EpochRecord[];
      finalMetrics: Record<string, number>;
      evaluation: Evaluation | null;
      artifacts: RunArtifacts | null;
      weightPlan: WeightLoadPlan | null;
    };

/**
 * Runs one training job, the same in the browser's worker, on a server worker and in the CLI: the
 * settings resolved once against the dataset, the starting weights (a checkpoint to resume, or the
 * weights of a run to continue from, loaded by node id), augmentation seeded per batch, the epoch
 * loop with keep-best and early stopping, the final figures, the task's evaluation and the trained
 * model's files. What differs between the places is the {@link RunHost}.
 *
 * Problems of the job itself (graph, settings, weights that do not fit) come back as
 * `{ ok: false, problem }`; exceptions are failures of TF.js or of the host.
 */
export async function runJob(tf: Tf, doc: GraphDoc, settings: JobSettings, host: RunHost): Promise<JobResult> {
  const { source } = host;
  const augmentation = AugmentationConfigSchema.safeParse(settings.augmentation ?? {});
  if (!augmentation.success)
    return { ok: false, problem: `The augmentation settings are not valid: ${augmentation.error.issues[0]?.message}` };
  const prepared = prepareModel(tf, doc, source, settings.training);
  if (!prepared.ok) return prepared;
  const { config } = prepared;
  let { model, layerNames } = prepared;
  if (host.beforeTraining) {
    disposeModel(model);
    const build = () => {
      const built = buildResolved(tf, prepared.doc, config, source.task);
      if (!built.ok) throw new Error(built.problem);
      return built;
    };
    const counts = { train: source.count('train'), validation: source.count('validation'), test: source.count('test') };
    const go = await host.beforeTraining(
      { config, counts, batchesPerEpoch: Math.ceil(counts.train / config.batchSize) },
      () => build().model,
    );
    if (!go)
      return {
        ok: true,
        config,
        cancelled: true,
        stoppedEarly: false,
        bestEpoch: null,
        epochs: [],
        finalMetrics: {},
        evaluation: null,
        artifacts: null,
        weightPlan: null,
      };
    ({ model, layerNames } = build());
  }
  try {
    const begun = await startingPoint(tf, model, layerNames, host);
    if ('problem' in begun) return { ok: false, problem: begun.problem };
    const start: JobStart = {
      config,
      initialEpoch: begun.train.initialEpoch ?? 0,
      resumed: begun.previous !== null,
      weightPlan: begun.plan,
    };
    await host.progress?.started?.(start);
    const augment = isAugmentationOff(augmentation.data) ? null : augmentation.data;
    const moveLabels = taskSpec(source.task).moveLabels;
    let writable = true;
    const outcome = await trainFromSource(tf, model, source, {
      config,
      ...begun.train,
      shouldStop: () => !writable || (host.control?.shouldStop() ?? false),
      ...(host.control?.waitWhilePaused ? { waitWhilePaused: () => host.control?.waitWhilePaused?.() } : {}),
      ...(augment
        ? {
            transformBatch: (batch, epoch, index) =>
              augmentBatch(batch, source.featureShape, augment, (config.seed ?? 1) * 1_000_003 + epoch * 10_007 + index, moveLabels),
          }
        : {}),
      onBatchEnd: (info) => host.progress?.batch?.(info),
      onEpochEnd: async (record, context) => {
        if (host.checkpoints) {
          const bytes = await encodeCheckpoint(tf, context.model, record.epoch, context.tracker, context.bestWeights);
          writable = await host.checkpoints.save(record, bytes);
          if (!writable) return;
        }
        await host.progress?.epoch?.(record);
      },
    });
    const epochs = [...(begun.previous ?? []), ...outcome.epochs];
    const done = !outcome.cancelled && writable;
    const test =
      done && source.count('test') > 0
        ? prefixed('test', await evaluateSource(tf, model, source, 'test', targetShapeOf(source, model, config)))
        : {};
    const finalMetrics = finalFigures(config, epochs, outcome.bestEpoch, test);
    const evaluation = done && host.evaluation !== false ? await evaluateModel(tf, model, source, { samples: 24 }) : null;
    const artifacts = done ? await artifactsOf(tf, model, layerNames, keptEpochOf(config, epochs, outcome.bestEpoch)) : null;
    return {
      ok: true,
      config,
      cancelled: !done,
      stoppedEarly: outcome.stoppedEarly,
      bestEpoch: outcome.bestEpoch,
      epochs,
      finalMetrics,
      evaluation,
      artifacts,
      weightPlan: begun.plan,
    };
  } finally {
    disposeModel(model);
  }
}

type StartingPoint =
  | { problem: string }
  | {
      train: Pick<StreamTrainOptions, 'initialEpoch' | 'tracker' | 'bestWeights'>;
      /** Epochs recorded before the checkpoint, or null on a fresh start. */
      previous: EpochRecord[] | null;
      plan: WeightLoadPlan | null;
    };

/** The last checkpoint when the host has one (resume), else the weights of the run it continues from. */
async function startingPoint(tf: Tf, model: tfjs.LayersModel, layerNames: Map<string, string>, host: RunHost): Promise<StartingPoint> {
  const checkpoint = await host.checkpoints?.latest();
  if (checkpoint) {
    const restored = await restoreCheckpoint(tf, model, decodeCheckpoint(tf, checkpoint.bytes));
    return {
      train: { initialEpoch: restored.initialEpoch, tracker: restored.tracker, bestWeights: restored.bestWeights },
      previous: checkpoint.epochs,
      plan: null,
    };
  }
  const initial = await host.initialWeights?.();
  if (!initial) return { train: { initialEpoch: 0, tracker: FRESH_TRACKER, bestWeights: null }, previous: null, plan: null };
  try {
    const plan = loadWeightsByNode(model, layerNames, initial.weights, initial.policy);
    if (plan.problem) return { problem: plan.problem };
    return { train: { initialEpoch: 0, tracker: FRESH_TRACKER, bestWeights: null }, previous: null, plan };
  } finally {
    tf.dispose(Object.values(initial.weights.tensors));
  }
}

async function artifactsOf(tf: Tf, model: tfjs.LayersModel, layerNames: Map<string, string>, epoch: number | null): Promise<RunArtifacts> {
  const files = await tfjsArtifacts(tf as typeof tfjs, model);
  const manifest = (files['model.json'].weightsManifest as { weights: RunArtifacts['weightSpecs'] }[])[0];
  return {
    modelTopology: files['model.json'].modelTopology as Record<string, unknown>,
    weightSpecs: manifest?.weights ?? [],
    weightData: files['weights.bin'],
    layerNodes: layerNodesOf(layerNames),
    epoch,
  };
}
