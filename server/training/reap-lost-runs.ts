import type PgBoss from 'pg-boss';
import { db } from '@/server/db/client';
import { finishRun } from '@/server/training/finish-run';
import { TRAIN_QUEUE } from '@/server/training/queue';

/**
 * Finds server runs whose worker stopped renewing its lease (killed, crashed, lost its machine) and
 * fails their pg-boss job on purpose, so pg-boss puts it back in the queue (`retry`) and the next
 * free worker resumes the run from its last checkpoint. Clearing the lease and reading the job id
 * is one UPDATE, so of several workers reaping at once exactly one handles each run. A job with no
 * retries left fails the run for good.
 *
 * @returns The ids of the runs handed back to the queue.
 */
export async function reapLostRuns(boss: PgBoss): Promise<string[]> {
  const lost = await db().$queryRaw<{ id: string; jobId: string | null }[]>`
    UPDATE training_run SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL
    WHERE status = 'running' AND place = 'server' AND "leaseExpiresAt" < now()
    RETURNING id, "jobId"`;
  const requeued: string[] = [];
  for (const run of lost) {
    if (!run.jobId) continue;
    await boss.fail(TRAIN_QUEUE, run.jobId, {
      message: 'The worker training this run stopped answering; retrying from the last checkpoint.',
    });
    const job = await boss.getJobById(TRAIN_QUEUE, run.jobId);
    if (job && job.state === 'failed') {
      await finishRun(run.id, { status: 'failed', error: 'The workers training this run were lost too many times.' });
    } else {
      requeued.push(run.id);
      console.log(`[worker] run ${run.id}: its worker was lost; job ${run.jobId} handed back to the queue`);
    }
  }
  return requeued;
}

/** Reaps every `everyMs` (with a little jitter so workers spread out); returns a stop function. */
export function startReaper(boss: PgBoss, everyMs = Number(process.env.NETCANVAS_REAP_MS ?? 5000)): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await reapLostRuns(boss);
    } catch (error) {
      console.error('[worker] reaping lost runs failed:', (error as Error).message);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs + Math.floor(Math.random() * 500));
  return () => clearInterval(timer);
}
