import type PgBoss from 'pg-boss';
import { nodeTf } from '@/engine/backends/node-tf';
import { extractOnServer } from '@/server/features/extract-on-server';
import { runKind } from '@/server/features/run-kind';
import { finishRun } from '@/server/training/finish-run';
import { claimRun } from '@/server/training/lease';
import { trainOnServer } from '@/server/training/train-on-server';
import type { JobHandler } from '@/worker/handlers';

export interface TrainHandlerContext {
  /** Identifies this worker in run leases: host, pid and a random part. */
  workerId: string;
  /** True once the worker is shutting down. */
  stopping: () => boolean;
}

/**
 * The `train-run` queue's handler: claims the run (a lease only one worker at a time can hold),
 * trains it from its last checkpoint if it has one, and returns. A run that is already finished, or
 * held by a live worker, makes the job a no-op. A worker shutting down puts the run back by failing
 * the job (pg-boss retries it elsewhere); errors that are not the run's own fault (the database went
 * away) do the same. Problems of the run itself fail the run, not the job.
 */
export function trainHandler(context: TrainHandlerContext): JobHandler {
  return async (jobs) => {
    for (const job of jobs as PgBoss.Job<{ runId?: string }>[]) {
      const runId = job.data?.runId;
      if (!runId) continue;
      const claim = await claimRun(runId, context.workerId, job.id);
      if (!claim.ok) {
        console.log(`[worker] run ${runId}: nothing to do (${claim.reason})`);
        continue;
      }
      if (claim.cancelRequested) {
        await finishRun(runId, { status: 'cancelled', workerId: context.workerId });
        continue;
      }
      const resumed = claim.checkpointEpoch !== null ? ` from the checkpoint after epoch ${claim.checkpointEpoch + 1}` : '';
      console.log(`[worker] run ${runId}: training (attempt ${claim.attempts})${resumed}`);
      const tf = await nodeTf();
      // Feature-extraction runs share the queue, the lease and the retries; only the work differs.
      const outcome =
        (await runKind(runId)) === 'features'
          ? await extractOnServer(tf, { runId, workerId: context.workerId, stopping: context.stopping })
          : await trainOnServer(tf, {
              runId,
              workerId: context.workerId,
              checkpoint: { epoch: claim.checkpointEpoch, hash: claim.checkpointHash },
              stopping: context.stopping,
            });
      console.log(`[worker] run ${runId}: ${outcome}`);
      if (outcome === 'interrupted') throw new Error('The worker stopped; the run resumes from its last checkpoint on another worker.');
    }
  };
}
