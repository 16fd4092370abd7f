import { db } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';

/** Deletes a finished run with its epochs and artifacts (a running one must be cancelled first). */
export async function deleteRun(runId: string): Promise<void> {
  const run = await db().trainingRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
  if (run.status === 'queued' || run.status === 'running') throw new ApiError('conflict', 'Cancel the run before deleting it.');
  await db().trainingRun.delete({ where: { id: runId } });
}
