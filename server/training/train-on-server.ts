import type * as tfjs from '@tensorflow/tfjs';
import { runJob } from '@/engine/train/run-job';
import { db } from '@/server/db/client';
import { completeServerRun } from '@/server/training/complete-server-run';
import { finishRun } from '@/server/training/finish-run';
import { keepLease, releaseLease } from '@/server/training/lease';
import { type PreparedServerRun, prepareServerRun, RunProblem } from '@/server/training/prepare-server-run';
import { serverRunHost } from '@/server/training/server-run-host';

/** How a worker's turn at a run ended. */
export type ServerRunOutcome =
  | 'completed'
  | 'cancelled'
  | 'failed'
  /** Another worker took the run over (this one was presumed dead): it wrote nothing more. */
  | 'lost'
  /** The worker is shutting down: the run goes back to the queue and resumes from its checkpoint. */
  | 'interrupted';

export interface ServerRunOptions {
  runId: string;
  workerId: string;
  checkpoint: { epoch: number | null; hash: string | null };
  /** True once this worker process is shutting down. */
  stopping?: () => boolean;
  /** Least time between two progress events (ms). */
  progressEveryMs?: number;
}

/**
 * Trains one run on this worker, as its lease holder, with the engine's run driver (`runJob`) and
 * the server's host (`server-run-host.ts`): the checkpoint restored if any, every epoch recorded with
 * its checkpoint atomically, progress published a few times a second, stopping between batches when
 * cancelled, when the lease is lost, or when the worker shuts down. At the end: the trained weights,
 * the final figures and evaluation, the final status.
 */
export async function trainOnServer(tf: typeof tfjs, options: ServerRunOptions): Promise<ServerRunOutcome> {
  const { runId, workerId } = options;
  const lease = keepLease(runId, workerId);
  try {
    let prepared: PreparedServerRun;
    try {
      prepared = await prepareServerRun(runId);
    } catch (error) {
      if (!(error instanceof RunProblem)) throw error;
      await finishRun(runId, { status: 'failed', error: error.message, workerId });
      return 'failed';
    }
    const host = serverRunHost(tf, prepared, { ...options, lease, replaced: (hash) => deleteCheckpointBlob(hash) });
    try {
      const result = await runJob(tf, prepared.doc, prepared.settings, host);
      if (!result.ok) {
        await finishRun(runId, { status: 'failed', error: result.problem, workerId });
        return 'failed';
      }
      if (lease.state.lost) return 'lost';
      if (result.cancelled && !lease.state.cancelRequested) {
        await releaseLease(runId, workerId);
        return 'interrupted';
      }
      if (result.cancelled || !result.artifacts) {
        await finishRun(runId, { status: 'cancelled', workerId });
        return 'cancelled';
      }
      await completeServerRun({
        runId,
        workerId,
        finalMetrics: result.finalMetrics,
        evaluation: result.evaluation,
        artifacts: result.artifacts,
        timing: result.timing,
      });
      const last = host.lastCheckpoint();
      if (last) await deleteCheckpointBlob(last, runId);
      return 'completed';
    } catch (error) {
      // The database or the network failing is worth a retry (the job is retried from the checkpoint);
      // TF.js failing on this model would fail the same way again: the run fails, with the reason.
      if (isInfrastructureError(error)) throw error;
      await finishRun(runId, { status: 'failed', error: `Training failed: ${(error as Error).message ?? String(error)}`, workerId });
      return 'failed';
    }
  } finally {
    lease.stop();
  }
}

/** Errors of the database connection or the network, as opposed to errors of the training itself. */
export function isInfrastructureError(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string } | null;
  if (!e) return false;
  if (typeof e.name === 'string' && e.name.startsWith('PrismaClient')) return true;
  if (typeof e.code === 'string' && /^(E[A-Z]+|57P0\d|08\d{3}|53\d{3})$/.test(e.code)) return true;
  return /Connection terminated|connect ECONNREFUSED|Can't reach database/i.test(e.message ?? '');
}

/** Drops a checkpoint that a newer one replaced (or, with `runId`, the last one once the run is done). */
async function deleteCheckpointBlob(hash: string, runId?: string): Promise<void> {
  const used = await db().artifact.count({ where: { blobHash: hash } });
  if (used > 0) return;
  if (runId) await db().trainingRun.update({ where: { id: runId }, data: { checkpointHash: null } });
  await db().blob.deleteMany({ where: { hash } });
}
