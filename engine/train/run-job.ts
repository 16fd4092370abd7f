import type * as tfjs from '@tensorflow/tfjs';
import { AugmentationConfigSchema, augmentBatch, isAugmentationOff } from '../data/augment';
import { fitImagesSource, imageFitFor } from '../data/fit-images';
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
import { enterPhaseTwo, phaseOf } from './fine-tuning';
import type { WeightLoadPlan } from './load-plan';
import { layerNodesOf, loadWeightsByNode } from './node-weights';
import { phaseClock, type RunTiming } from './phase-clock';
import { buildResolved, disposeModel, prepareModel } from './prepare-model';
import { designFacts } from './rank-datasets';
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
      /** Where this run's time went, from the start of the job to its files (this attempt only, when resumed). */
      timing: RunTiming;
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
  const clock = phaseClock();
  const source = sourceFor(tf, doc, settings, host.source);
  const augmentation = AugmentationConfigSchema.safeParse(settings.augmentation ?? {});
  if (!augmentation.success)
    return { ok: false, problem: `The augmentation settings are not valid: ${augmentation.error.issues[0]?.message}` };
  const prepared = clock.time('setup', () => prepareModel(tf, doc, source, settings.training));
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
    const go = await clock.time('setup', () =>
      host.beforeTraining?.({ config, counts, batchesPerEpoch: Math.ceil(counts.train / config.batchSize) }, () => build().model),
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
        timing: clock.timing(),
      };
    ({ model, layerNames } = clock.time('setup', build));
  }
  try {
    const begun = await clock.time('setup', () => startingPoint(tf, model, layerNames, host, config));
    if ('problem' in begun) return { ok: false, problem: begun.problem };
    const start: JobStart = {
      config,
      initialEpoch: begun.train.initialEpoch ?? 0,
      resumed: begun.previous !== null,
      weightPlan: begun.plan,
    };
    await clock.time('progress', () => host.progress?.started?.(start));
    const augment = isAugmentationOff(augmentation.data) ? null : augmentation.data;
    const moveLabels = taskSpec(source.task).moveLabels;
    let writable = true;
    // A checkpoint is written while the next epoch trains; the next epoch's end (or the run's) waits for it.
    let saving: Promise<boolean> | null = null;
    const savedSoFar = async () => {
      const pending = saving;
      saving = null;
      if (pending) writable = (await clock.time('checkpoint', () => pending)) && writable;
      return writable;
    };
    const outcome = await trainFromSource(tf, model, source, {
      config,
      clock,
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
        const store = host.checkpoints;
        if (store) {
          if (!(await savedSoFar())) return;
          const bytes = await clock.time('checkpoint', () =>
            encodeCheckpoint(tf, context.model, record.epoch, context.tracker, context.bestWeights),
          );
          saving = store.save(record, bytes).then((kept) => {
            if (!kept) writable = false; // seen between batches: stop at once
            return kept;
          });
          saving.catch(() => undefined); // awaited (and thrown) at the next epoch's end or the run's
        }
        await host.progress?.epoch?.(record, context.model);
      },
    });
    await savedSoFar();
    const epochs = [...(begun.previous ?? []), ...outcome.epochs];
    const done = !outcome.cancelled && writable;
    const test =
      done && source.count('test') > 0
        ? prefixed('test', await clock.time('test', () => evaluateSource(tf, model, source, 'test', targetShapeOf(source, model, config))))
        : {};
    const finalMetrics = finalFigures(config, epochs, outcome.bestEpoch, test);
    const evaluation =
      done && host.evaluation !== false ? await clock.time('evaluation', () => evaluateModel(tf, model, source, { samples: 24 })) : null;
    const artifacts = done
      ? await clock.time('artifacts', () => artifactsOf(tf, model, layerNames, keptEpochOf(config, epochs, outcome.bestEpoch)))
      : null;
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
      timing: clock.timing(),
    };
  } finally {
    disposeModel(model);
  }
}

/**
 * The host's data, or — with `fitImages` on and images that differ from the design's image input —
 * the same data resized and channel-converted to that input, so the design (and its pretrained
 * weights) stays as drawn. Image labels (masks, rebuilds) would no longer line up: not for those.
 */
function sourceFor(tf: Tf, doc: GraphDoc, settings: JobSettings, source: RunHost['source']): RunHost['source'] {
  const wanted = settings.training.fitImages ?? doc.training?.fitImages ?? false;
  if (!wanted || taskSpec(source.task).moveLabels) return source;
  const fit = imageFitFor(source.featureShape, designFacts(doc).inputShape);
  return fit ? fitImagesSource(tf, source, fit) : source;
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
async function startingPoint(
  tf: Tf,
  model: tfjs.LayersModel,
  layerNames: Map<string, string>,
  host: RunHost,
  config: TrainingConfig,
): Promise<StartingPoint> {
  const checkpoint = await host.checkpoints?.latest();
  if (checkpoint) {
    const decoded = decodeCheckpoint(tf, checkpoint.bytes);
    // A checkpoint from phase 2 holds weights (and optimizer state) in phase 2's order and trainable flags.
    if (phaseOf(config, decoded.epoch + 1) === 2) enterPhaseTwo(tf, model, config, host.source.task, null);
    const restored = await restoreCheckpoint(tf, model, decoded);
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
