import type { BatchSource } from '@/engine/data/batch-source';
import type { GraphDoc } from '@/engine/graph/schema';
import { openBatchSource } from '@/server/datasets/open-batch-source';
import { db } from '@/server/db/client';
import { datasetRefOf } from '@/server/training/dataset-ref';
import { type RunSettings, RunSettingsSchema } from '@/server/training/schemas';
import { getVersion } from '@/server/versions/get-version';

/** A run's inputs, read from the database: what the run driver trains on this worker. */
export interface PreparedServerRun {
  doc: GraphDoc;
  source: BatchSource;
  settings: RunSettings;
  /** The run's stored config, to which the resolved settings are written back. */
  stored: Record<string, unknown>;
  /** The run whose trained weights this one continues from. */
  initialRunId: string | null;
  /** The version trained: without a run to continue from, the run starts from its weights, if it has any. */
  version: { projectId: string; number: number };
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
 * Reads what a worker needs to train a run: its settings, the version's graph with the run's
 * per-layer overrides, and the dataset as a streaming BatchSource.
 *
 * @throws RunProblem when the settings, the version or the dataset is not usable.
 */
export async function prepareServerRun(runId: string): Promise<PreparedServerRun> {
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
  return {
    doc: applyUnits(version.graph, settings.units),
    source,
    settings,
    stored,
    initialRunId: run.initialRunId,
    version: { projectId: run.projectId, number: run.versionNumber },
  };
}
