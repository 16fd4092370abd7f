import { EvaluationSchema } from '@/engine/tasks/evaluation-schema';
import { RunTimingSchema } from '@/engine/train/phase-clock';
import { db } from '@/server/db/client';
import { unreadableRecord } from '@/server/http/errors';
import { TIMING_KIND } from '@/server/training/finish-run';
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
      artifacts: {
        where: { kind: { in: ['evaluation', TIMING_KIND] } },
        orderBy: { createdAt: 'desc' },
        select: { kind: true, meta: true },
      },
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
    evaluation: storedEvaluation(runId, row.artifacts.find((a) => a.kind === 'evaluation')?.meta),
    timing: storedTiming(row.artifacts.find((a) => a.kind === TIMING_KIND)?.meta),
  };
}

/** The stored timing, when it parses; a run's time split is a nicety, never a reason to refuse the page. */
function storedTiming(meta: unknown): RunDetail['timing'] {
  const parsed = RunTimingSchema.safeParse(meta);
  return parsed.success ? parsed.data : null;
}

/** The stored evaluation, parsed: one that does not parse makes the run's record unreadable, not the page a crash. */
function storedEvaluation(runId: string, meta: unknown): RunDetail['evaluation'] {
  if (meta === undefined || meta === null) return null;
  const parsed = EvaluationSchema.safeParse(meta);
  if (!parsed.success) throw unreadableRecord(`run ${runId}`, parsed.error);
  return parsed.data;
}
