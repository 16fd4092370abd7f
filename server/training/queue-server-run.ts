import { db } from '@/server/db/client';
import { sendTrainJob } from '@/server/training/queue';
import { publishRunEvent } from '@/server/training/run-events';

/**
 * Hands a queued run to the workers: one pg-boss job, whose id the run keeps (so a lost worker's
 * job can be failed and retried). If the queue cannot take it, the run fails with the reason.
 */
export async function queueServerRun(runId: string): Promise<void> {
  try {
    const jobId = await sendTrainJob(runId);
    await db().trainingRun.update({ where: { id: runId }, data: { jobId } });
  } catch (error) {
    const message = `Could not queue the run: ${(error as Error).message}`;
    await db().trainingRun.update({ where: { id: runId }, data: { status: 'failed', error: message, finishedAt: new Date() } });
    await publishRunEvent(runId, { type: 'finished', status: 'failed', finalMetrics: null });
    throw error;
  }
}
