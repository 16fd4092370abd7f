import { db } from '@/server/db/client';
import { RUN_SUMMARY_SELECT, toRunSummary } from '@/server/training/run-view';
import type { RunSummary } from '@/server/training/schemas';

/** Gives a run the name people chose, or (null) takes it back to the name made from its facts. */
export async function renameRun(runId: string, name: string | null): Promise<RunSummary> {
  const row = await db().trainingRun.update({ where: { id: runId }, data: { name }, select: RUN_SUMMARY_SELECT });
  return toRunSummary(row);
}
