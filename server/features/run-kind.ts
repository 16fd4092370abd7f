import { db } from '@/server/db/client';

/** What a run is: `network` (a network trained on the data) or `features` (a classic classifier on a network's activations). */
export async function runKind(runId: string): Promise<'network' | 'features'> {
  const run = await db().trainingRun.findUnique({ where: { id: runId }, select: { kind: true } });
  return run?.kind === 'features' ? 'features' : 'network';
}
