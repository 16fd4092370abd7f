import { db } from '@/server/db/client';

export interface DatasetRunItem {
  id: string;
  projectName: string;
  versionNumber: number;
  datasetNumber: number;
  label: string;
  accuracy: number | null;
  finishedAt: Date | null;
}

/**
 * Finished runs that trained on a version of this dataset, newest first, from projects the caller
 * can see: the models the labelling view offers for pre-labelling.
 */
export async function listDatasetRuns(userId: string, datasetId: string, limit = 20): Promise<DatasetRunItem[]> {
  const rows = await db().trainingRun.findMany({
    where: {
      status: 'completed',
      datasetVersion: { datasetId },
      project: { team: { memberships: { some: { userId } } } },
    },
    select: {
      id: true,
      label: true,
      versionNumber: true,
      finalMetrics: true,
      finishedAt: true,
      project: { select: { name: true } },
      datasetVersion: { select: { number: true } },
    },
    orderBy: { createdAt: 'desc' },
    take: limit,
  });
  return rows.map((r) => {
    const metrics = (r.finalMetrics ?? {}) as Record<string, unknown>;
    const accuracy = metrics.valAccuracy ?? metrics.accuracy ?? metrics.testAccuracy;
    return {
      id: r.id,
      projectName: r.project.name,
      versionNumber: r.versionNumber,
      datasetNumber: r.datasetVersion?.number ?? 0,
      label: r.label,
      accuracy: typeof accuracy === 'number' ? accuracy : null,
      finishedAt: r.finishedAt,
    };
  });
}
