import { db } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';
import { finishRun } from '@/server/training/finish-run';

/**
 * Asks a run to stop. A queued server run is cancelled at once (its job finds it cancelled and does
 * nothing); a running server run stops at its next batch, when its worker sees `cancelRequested`
 * (and records it cancelled); a browser run is marked cancelled (the page stops itself).
 */
export async function cancelRun(runId: string): Promise<{ status: 'cancelled' | 'cancelling' }> {
  const run = await db().trainingRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, place: true } });
  if (run.status === 'completed' || run.status === 'failed' || run.status === 'cancelled') {
    throw new ApiError(
      'conflict',
      `The run has already ${run.status === 'completed' ? 'completed' : run.status === 'failed' ? 'failed' : 'been cancelled'}.`,
    );
  }
  await db().trainingRun.update({ where: { id: runId }, data: { cancelRequested: true } });
  if (run.status === 'queued' || run.place === 'browser') {
    await finishRun(runId, { status: 'cancelled' });
    return { status: 'cancelled' };
  }
  return { status: 'cancelling' };
}
