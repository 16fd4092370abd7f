import type { DatasetMeta } from '@/engine/data/meta';
import { builtinReader } from '@/server/datasets/read/builtin-reader';
import { versionReader } from '@/server/datasets/read/version-reader';
import { db } from '@/server/db/client';
import { badRequest, notFound } from '@/server/http/errors';

/** What a run's inputs mean: the meta of the dataset it was trained on (shape, kind, classes, normalisation). */
export async function datasetMeta(run: { builtinDataset: string | null; datasetVersionId: string | null }): Promise<DatasetMeta> {
  if (run.datasetVersionId) return (await versionReader(run.datasetVersionId)).meta;
  if (run.builtinDataset) return (await builtinReader(run.builtinDataset)).meta;
  throw badRequest('The dataset this run was trained on no longer exists, so what its inputs mean is unknown.');
}

/** The dataset meta of one run, by id (for the predict page). */
export async function runDatasetMeta(runId: string): Promise<DatasetMeta> {
  const run = await db().trainingRun.findUnique({ where: { id: runId }, select: { builtinDataset: true, datasetVersionId: true } });
  if (!run) throw notFound('The run');
  return datasetMeta(run);
}
