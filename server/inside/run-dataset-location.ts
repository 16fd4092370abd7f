import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';

/**
 * Where a run's dataset serves its samples, in the form the browser's batch reader takes: a
 * built-in by name, or the stored dataset's version; null when the version is gone.
 */
export async function runDatasetLocation(runId: string): Promise<{ builtin: string } | { datasetId: string; number: number } | null> {
  const run = await db().trainingRun.findUnique({
    where: { id: runId },
    select: { builtinDataset: true, datasetVersion: { select: { datasetId: true, number: true } } },
  });
  if (!run) throw notFound('The run');
  if (run.datasetVersion) return { datasetId: run.datasetVersion.datasetId, number: run.datasetVersion.number };
  return run.builtinDataset ? { builtin: run.builtinDataset } : null;
}
