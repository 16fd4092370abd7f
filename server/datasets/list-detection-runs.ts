import { db } from '@/server/db/client';

export interface DetectionRunItem {
  id: string;
  /** "Project v3 on Dataset v2 (label)", as the pickers show it. */
  title: string;
}

/**
 * Finished runs that trained on a detection dataset, newest first, from projects the caller can
 * see: the detectors the video labeller offers for proposing boxes on frames of any video.
 */
export async function listDetectionRuns(userId: string, limit = 20): Promise<DetectionRunItem[]> {
  const rows = await db().trainingRun.findMany({
    where: {
      status: 'completed',
      datasetVersion: { meta: { path: ['task'], equals: 'detection' } },
      project: { team: { memberships: { some: { userId } } } },
    },
    select: {
      id: true,
      label: true,
      versionNumber: true,
      project: { select: { name: true } },
      datasetVersion: { select: { number: true, dataset: { select: { name: true } } } },
    },
    orderBy: { createdAt: 'desc' },
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id,
    title: `${r.project.name} v${r.versionNumber} on ${r.datasetVersion?.dataset.name ?? 'a dataset'} v${r.datasetVersion?.number ?? 0}${r.label ? ` (${r.label})` : ''}`,
  }));
}
