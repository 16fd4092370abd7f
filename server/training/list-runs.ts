import type { Prisma } from '@/prisma/generated/client';
import { db } from '@/server/db/client';
import { RUN_SUMMARY_SELECT, toRunSummary } from '@/server/training/run-view';
import type { RunSummary } from '@/server/training/schemas';

export interface RunFilter {
  status?: RunSummary['status'];
  place?: RunSummary['place'];
  /** `builtin:NAME`, a dataset version id, or part of a dataset's name. */
  dataset?: string;
  sweepId?: string;
  limit?: number;
}

/** A project's runs, newest first, filtered by status, place, dataset or sweep. */
export async function listRuns(projectId: string, filter: RunFilter = {}): Promise<RunSummary[]> {
  const where: Prisma.TrainingRunWhereInput = { projectId };
  if (filter.status) where.status = filter.status;
  if (filter.place) where.place = filter.place;
  if (filter.sweepId) where.sweepId = filter.sweepId;
  if (filter.dataset) {
    const d = filter.dataset;
    where.OR = d.startsWith('builtin:')
      ? [{ builtinDataset: d.slice('builtin:'.length) }]
      : [{ datasetVersionId: d }, { datasetVersion: { dataset: { name: { contains: d, mode: 'insensitive' } } } }];
  }
  const rows = await db().trainingRun.findMany({
    where,
    orderBy: { createdAt: 'desc' },
    take: filter.limit ?? 100,
    select: RUN_SUMMARY_SELECT,
  });
  return rows.map(toRunSummary);
}
