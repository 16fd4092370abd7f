import { db } from '@/server/db/client';
import { publishRunEvent } from '@/server/training/run-events';
import type { Epoch } from '@/server/training/schemas';

/**
 * Records one finished epoch of a server run together with its checkpoint, in one statement: the
 * epoch row and the run's `checkpointEpoch`/`checkpointHash` appear together or not at all, and
 * only while `workerId` holds the run's lease. So a worker killed at any moment leaves either both
 * (the retry resumes after this epoch) or neither (the retry trains it again and records it once);
 * the (run, epoch) key refuses a second row regardless. Publishes the epoch to viewers.
 *
 * @returns false when the worker had lost the run (it must stop).
 */
export async function recordServerEpoch(runId: string, workerId: string, epoch: Epoch, checkpointHash: string): Promise<boolean> {
  const inserted = await db().$executeRaw`
    WITH owner AS (
      UPDATE training_run SET "checkpointEpoch" = ${epoch.epoch}, "checkpointHash" = ${checkpointHash}
      WHERE id = ${runId} AND "leaseOwner" = ${workerId} AND status = 'running'
      RETURNING id
    )
    INSERT INTO run_epoch ("runId", epoch, metrics, "learningRate", seconds)
    SELECT id, ${epoch.epoch}, ${JSON.stringify(epoch.metrics)}::jsonb, ${epoch.learningRate}, ${epoch.seconds} FROM owner
    ON CONFLICT ("runId", epoch) DO NOTHING`;
  if (inserted === 0) {
    const owned = await db().trainingRun.count({ where: { id: runId, leaseOwner: workerId, status: 'running' } });
    if (owned === 0) return false;
  }
  await publishRunEvent(runId, { type: 'epoch', epoch });
  return true;
}

/**
 * Records an epoch a browser reported. Idempotent: a repeated post of the same epoch (a retry after
 * a lost answer) changes nothing.
 */
export async function recordBrowserEpoch(runId: string, epoch: Epoch): Promise<{ recorded: boolean }> {
  const result = await db().runEpoch.createMany({
    data: [{ runId, epoch: epoch.epoch, metrics: epoch.metrics, learningRate: epoch.learningRate, seconds: epoch.seconds }],
    skipDuplicates: true,
  });
  if (result.count > 0) await publishRunEvent(runId, { type: 'epoch', epoch });
  return { recorded: result.count > 0 };
}
