import { db } from '@/server/db/client';

/**
 * A worker's hold on a server run. pg-boss 10 cannot tell a slow job from one whose worker was
 * killed (it only expires jobs after `expireIn`), so runs carry their own lease: the worker that
 * trains a run renews `leaseExpiresAt` every few seconds, and writes epochs and checkpoints only
 * while it holds the lease. A lease that lapsed means the worker is gone (see reap-lost-runs.ts).
 * Times come from the database's clock, so workers on other machines agree.
 */
export function leaseSeconds(): number {
  return Number(process.env.NETCANVAS_LEASE_SECONDS ?? 20);
}

export type Claim =
  | { ok: true; attempts: number; checkpointEpoch: number | null; checkpointHash: string | null; cancelRequested: boolean }
  | { ok: false; reason: 'finished' | 'held' | 'missing' };

/**
 * Takes the run for this worker and this job if nobody else holds it: marks it running, counts the
 * attempt, and returns where to resume from.
 */
export async function claimRun(runId: string, workerId: string, jobId: string): Promise<Claim> {
  const rows = await db().$queryRaw<
    { attempts: number; checkpointEpoch: number | null; checkpointHash: string | null; cancelRequested: boolean }[]
  >`
    UPDATE training_run
    SET "leaseOwner" = ${workerId},
        "leaseExpiresAt" = now() + make_interval(secs => ${leaseSeconds()}),
        "jobId" = ${jobId},
        attempts = attempts + 1,
        status = 'running',
        "startedAt" = COALESCE("startedAt", now())
    WHERE id = ${runId}
      AND status IN ('queued', 'running')
      AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < now() OR "leaseOwner" = ${workerId})
    RETURNING attempts, "checkpointEpoch", "checkpointHash", "cancelRequested"`;
  const row = rows[0];
  if (row) return { ok: true, ...row };
  const run = await db().trainingRun.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run) return { ok: false, reason: 'missing' };
  return { ok: false, reason: run.status === 'queued' || run.status === 'running' ? 'held' : 'finished' };
}

/**
 * Extends the lease (by `seconds`: longer before a step that blocks the event loop, so no renewal
 * can run during it). Returns null when the worker no longer holds it (it must stop at once), else
 * whether someone asked to cancel the run.
 */
export async function renewLease(runId: string, workerId: string, seconds = leaseSeconds()): Promise<{ cancelRequested: boolean } | null> {
  const rows = await db().$queryRaw<{ cancelRequested: boolean }[]>`
    UPDATE training_run SET "leaseExpiresAt" = now() + make_interval(secs => ${seconds})
    WHERE id = ${runId} AND "leaseOwner" = ${workerId} AND status = 'running'
    RETURNING "cancelRequested"`;
  return rows[0] ?? null;
}

/** Lets go of a run (after it finished, or when the worker stops gracefully). */
export async function releaseLease(runId: string, workerId: string): Promise<void> {
  await db().$executeRaw`
    UPDATE training_run SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL WHERE id = ${runId} AND "leaseOwner" = ${workerId}`;
}

/**
 * Keeps a lease alive from a timer (between the renewals the training loop does itself), and
 * reports whether it was lost or the run cancelled.
 */
export function keepLease(runId: string, workerId: string, everyMs = Math.max(1000, (leaseSeconds() * 1000) / 5)) {
  const state = { lost: false, cancelRequested: false };
  let busy = false;
  const renew = async () => {
    if (busy || state.lost) return;
    busy = true;
    try {
      const result = await renewLease(runId, workerId);
      if (!result) state.lost = true;
      else state.cancelRequested = result.cancelRequested;
    } catch (error) {
      console.error(`[worker] could not renew the lease of run ${runId}:`, (error as Error).message);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void renew(), everyMs);
  return { state, renew, stop: () => clearInterval(timer) };
}
