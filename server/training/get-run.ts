import { EvaluationSchema } from '@/engine/tasks/evaluation-schema';
import { db } from '@/server/db/client';
import { unreadableRecord } from '@/server/http/errors';
import { RUN_SUMMARY_SELECT, toRunSummary } from '@/server/training/run-view';
import type { Epoch, RunDetail } from '@/server/training/schemas';

/** The epochs a run recorded, in order. */
export async function runEpochs(runId: string): Promise<Epoch[]> {
  const rows = await db().runEpoch.findMany({
    where: { runId },
    orderBy: { epoch: 'asc' },
    select: { epoch: true, metrics: true, learningRate: true, seconds: true },
  });
  return rows.map((r) => ({ ...r, metrics: r.metrics as Record<string, number> }));
}

/** Everything about one run: settings, status, every epoch's figures, evaluation, resume marker. */
export async function getRun(runId: string): Promise<RunDetail> {
  const row = await db().trainingRun.findUniqueOrThrow({
    where: { id: runId },
    select: {
      ...RUN_SUMMARY_SELECT,
      error: true,
      cancelRequested: true,
      attempts: true,
      checkpointEpoch: true,
      resumedFromEpoch: true,
      initialRunId: true,
      artifacts: { where: { kind: 'evaluation' }, orderBy: { createdAt: 'desc' }, take: 1, select: { meta: true } },
    },
  });
  return {
    ...toRunSummary(row),
    error: row.error,
    cancelRequested: row.cancelRequested,
    attempts: row.attempts,
    checkpointEpoch: row.checkpointEpoch,
    resumedFromEpoch: row.resumedFromEpoch,
    initialRunId: row.initialRunId,
    epochs: await runEpochs(runId),
    evaluation: storedEvaluation(runId, row.artifacts[0]?.meta),
  };
}

/** The stored evaluation, parsed: one that does not parse makes the run's record unreadable, not the page a crash. */
function storedEvaluation(runId: string, meta: unknown): RunDetail['evaluation'] {
  if (meta === undefined || meta === null) return null;
  const parsed = EvaluationSchema.safeParse(meta);
  if (!parsed.success) throw unreadableRecord(`run ${runId}`, parsed.error);
  return parsed.data;
}
