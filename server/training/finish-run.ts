import type { RunTiming } from '@/engine/train/phase-clock';
import { canMove } from '@/engine/train/run-lifecycle';
import type { Prisma } from '@/prisma/generated/client';
import { db } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';
import { publishRunEvent } from '@/server/training/run-events';

/** The artifact kind of a run's {@link RunTiming}. */
export const TIMING_KIND = 'timing';

export interface FinishOptions {
  status: 'completed' | 'failed' | 'cancelled';
  finalMetrics?: Record<string, number>;
  wallTimeMs?: number;
  error?: string;
  /** Confusion matrix or residuals, stored as an `evaluation` artifact. */
  evaluation?: unknown;
  /** Where the run's time went, stored as a `timing` artifact. */
  timing?: RunTiming;
  /** Only finish if this worker still holds the run. */
  workerId?: string;
}

/**
 * Moves a run to its final status (checked against the lifecycle's rules, so a finished run is never
 * reopened), with its final figures and wall time, releases any lease, and tells the viewers.
 *
 * @returns false when the run was already final (or the worker had lost it) and nothing changed.
 */
export async function finishRun(runId: string, options: FinishOptions): Promise<boolean> {
  const changed = await db().$transaction(async (tx) => {
    const run = await tx.trainingRun.findUnique({ where: { id: runId }, select: { status: true, leaseOwner: true, startedAt: true } });
    if (!run) throw new ApiError('not_found', 'The run was not found.');
    if (!canMove(run.status, options.status)) return false;
    if (options.workerId && run.leaseOwner !== options.workerId) return false;
    const finishedAt = new Date();
    await tx.trainingRun.update({
      where: { id: runId },
      data: {
        status: options.status,
        finishedAt,
        leaseOwner: null,
        leaseExpiresAt: null,
        ...(options.finalMetrics ? { finalMetrics: options.finalMetrics } : {}),
        wallTimeMs: options.wallTimeMs ?? (run.startedAt ? finishedAt.getTime() - run.startedAt.getTime() : null),
        ...(options.error ? { error: options.error.slice(0, 2000) } : {}),
      },
    });
    if (options.evaluation !== undefined && options.evaluation !== null) {
      await tx.artifact.create({ data: { runId, kind: 'evaluation', meta: options.evaluation as Prisma.InputJsonValue } });
    }
    if (options.timing) await tx.artifact.create({ data: { runId, kind: TIMING_KIND, meta: options.timing } });
    return true;
  });
  if (changed) {
    await publishRunEvent(runId, { type: 'finished', status: options.status, finalMetrics: options.finalMetrics ?? null });
  }
  return changed;
}
