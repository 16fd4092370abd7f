import type * as tfjs from '@tensorflow/tfjs';
import { assignWeights } from '@/engine/compile/assign-weights';
import type { BatchSource } from '@/engine/data/batch-source';
import type { GraphDoc } from '@/engine/graph/schema';
import type { TrainingConfig } from '@/engine/graph/training-config';
import { decodeCheckpoint, restoreCheckpoint } from '@/engine/train/checkpoint';
import { disposeModel, prepareModel } from '@/engine/train/prepare-model';
import { FRESH_TRACKER, type TrackerState } from '@/engine/train/train-stream';
import { readBlobBytes } from '@/server/blobs/read-blob';
import { openBatchSource } from '@/server/datasets/open-batch-source';
import { db } from '@/server/db/client';
import { datasetRefOf } from '@/server/training/dataset-ref';
import { runWeights } from '@/server/training/run-weights';
import { type RunSettings, RunSettingsSchema } from '@/server/training/schemas';
import { getVersion } from '@/server/versions/get-version';

/** A run ready to train on this worker. */
export interface PreparedServerRun {
  model: tfjs.LayersModel;
  source: BatchSource;
  config: TrainingConfig;
  settings: RunSettings;
  initialEpoch: number;
  tracker: TrackerState;
  bestWeights: tfjs.Tensor[] | null;
  /** Whether the optimizer's state came back from the checkpoint too (not only the weights). */
  optimizerRestored: boolean;
}

/** A mistake in the run itself (its graph, data or settings): retrying cannot help, the run fails. */
export class RunProblem extends Error {
  override name = 'RunProblem';
}

/** The graph with the run's per-layer overrides (a sweep over a Dense layer's units). */
export function applyUnits(doc: GraphDoc, units: Record<string, number> | undefined): GraphDoc {
  if (!units || Object.keys(units).length === 0) return doc;
  return { ...doc, nodes: doc.nodes.map((n) => (units[n.id] === undefined ? n : { ...n, params: { ...n.params, units: units[n.id] } })) };
}

/**
 * Everything a worker needs to train a run: the version's graph compiled with the run's settings
 * (resolved against the dataset, and written back to the run so it records what was used), the
 * dataset as a streaming BatchSource, and the starting point — the last checkpoint (weights,
 * optimizer state, keep-best state) when the run is being resumed, else the weights of the run it
 * continues from, if any.
 */
export async function prepareServerRun(
  tf: typeof tfjs,
  runId: string,
  checkpoint: { epoch: number | null; hash: string | null },
): Promise<PreparedServerRun> {
  const run = await db().trainingRun.findUniqueOrThrow({
    where: { id: runId },
    select: { projectId: true, versionNumber: true, builtinDataset: true, datasetVersionId: true, config: true, initialRunId: true },
  });
  const stored = (run.config ?? {}) as Record<string, unknown>;
  const parsed = RunSettingsSchema.safeParse({ training: stored.training ?? {}, augmentation: stored.augmentation, units: stored.units });
  if (!parsed.success) throw new RunProblem(`The run's settings are not valid: ${parsed.error.issues[0]?.message}`);
  const settings = parsed.data;
  const version = await getVersion(run.projectId, run.versionNumber).catch(() => {
    throw new RunProblem(`Version ${run.versionNumber} of the project no longer exists.`);
  });
  const seed = typeof stored.datasetSeed === 'number' ? stored.datasetSeed : undefined;
  const source = await openBatchSource(datasetRefOf(run, seed)).catch((error: Error) => {
    throw new RunProblem(`The dataset cannot be read: ${error.message}`);
  });
  const prepared = prepareModel(tf, applyUnits(version.graph, settings.units), source, settings.training);
  if (!prepared.ok) throw new RunProblem(prepared.problem);
  const { model, config } = prepared;
  try {
    await db().trainingRun.update({
      where: { id: runId },
      data: { backend: tf.getBackend(), config: { ...stored, training: config, resolved: true } as object },
    });
    if (checkpoint.hash !== null && checkpoint.epoch !== null) {
      const restored = await restoreCheckpoint(tf, model, decodeCheckpoint(tf, await readBlobBytes(checkpoint.hash)));
      await db().trainingRun.update({ where: { id: runId }, data: { resumedFromEpoch: restored.initialEpoch } });
      return { model, source, config, settings, ...restored };
    }
    if (run.initialRunId) await loadInitialWeights(tf, model, run.initialRunId);
    return { model, source, config, settings, initialEpoch: 0, tracker: FRESH_TRACKER, bestWeights: null, optimizerRestored: false };
  } catch (error) {
    disposeModel(model);
    throw error;
  }
}

/** Continue training: start from the weights another run of the project ended with. */
async function loadInitialWeights(tf: typeof tfjs, model: tfjs.LayersModel, initialRunId: string): Promise<void> {
  const { blobHash, meta } = await runWeights(initialRunId);
  const bytes = await readBlobBytes(blobHash);
  const named = tf.io.decodeWeights(bytes.slice().buffer, meta.weightSpecs as tfjs.io.WeightsManifestEntry[]);
  try {
    const result = assignWeights(model, named);
    if (!result.ok) throw new RunProblem(`The weights of run ${initialRunId} do not fit this model: ${result.diagnostics[0]?.message}`);
  } finally {
    tf.dispose(Object.values(named));
  }
}
