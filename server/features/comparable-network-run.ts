import { db } from '@/server/db/client';
import { getRun } from '@/server/training/get-run';
import type { RunDetail } from '@/server/training/schemas';

/**
 * The network run to put beside a feature-extraction run: a finished network run of the same
 * project on the same dataset (so the same test split) with a confusion matrix, the one with the
 * best test accuracy; null when there is none.
 */
export async function comparableNetworkRun(
  run: Pick<RunDetail, 'id' | 'projectId' | 'datasetVersionId' | 'dataset'>,
): Promise<RunDetail | null> {
  const builtin = run.dataset.startsWith('builtin:') ? run.dataset.slice('builtin:'.length) : null;
  const candidates = await db().trainingRun.findMany({
    where: {
      projectId: run.projectId,
      kind: 'network',
      status: 'completed',
      ...(run.datasetVersionId ? { datasetVersionId: run.datasetVersionId } : { builtinDataset: builtin }),
      artifacts: { some: { kind: 'evaluation' } },
    },
    select: { id: true, finalMetrics: true },
    orderBy: { createdAt: 'desc' },
    take: 50,
  });
  const accuracy = (m: unknown) => ((m ?? {}) as Record<string, number>).testAccuracy ?? -1;
  const best = candidates.sort((a, b) => accuracy(b.finalMetrics) - accuracy(a.finalMetrics))[0];
  return best ? getRun(best.id) : null;
}
