import PgBoss from 'pg-boss';
import { currentDatabaseUrl } from '@/server/db/client';
import { startWithQueues } from '@/server/training/start-queues';

/** The pg-boss queue of server training runs; a job's data is `{ runId }`. */
export const TRAIN_QUEUE = 'train-run';

/**
 * Options of every training job. pg-boss 10 has no heartbeat: a job stays `active` until it
 * completes, fails or its `expireIn` passes. A run can train for hours, so the expiry is only a
 * backstop (just under pg-boss's 24-hour limit); a killed worker is noticed within seconds through
 * the run's own lease instead (server/training/lease.ts), and its job is then failed on purpose so
 * that pg-boss retries it, after `retryDelay`, on whichever worker is free.
 */
export const TRAIN_JOB_OPTIONS = {
  retryLimit: 5,
  retryDelay: 1,
  retryBackoff: false,
  expireInSeconds: 23 * 60 * 60,
} as const satisfies PgBoss.SendOptions;

interface Sender {
  url: string;
  boss: Promise<PgBoss>;
}

const globalForQueue = globalThis as unknown as { netcanvasTrainingQueue?: Sender };

/**
 * A pg-boss client for sending jobs from the web server (no maintenance, no polling: workers do
 * that), on the same database as db().
 */
async function sender(): Promise<PgBoss> {
  const url = currentDatabaseUrl();
  const current = globalForQueue.netcanvasTrainingQueue;
  if (current?.url === url) return current.boss;
  if (current) void current.boss.then((b) => b.stop({ graceful: false, wait: false })).catch(() => undefined);
  const boss = (async () => {
    const create = () => {
      const instance = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false, application_name: 'netcanvas-web' });
      instance.on('error', (error) => console.error('[queue] error:', error.message));
      return instance;
    };
    return startWithQueues(create, [TRAIN_QUEUE]);
  })();
  globalForQueue.netcanvasTrainingQueue = { url, boss };
  boss.catch(() => {
    if (globalForQueue.netcanvasTrainingQueue?.boss === boss) globalForQueue.netcanvasTrainingQueue = undefined;
  });
  return boss;
}

/** Queues the training of a run; returns the job's id. */
export async function sendTrainJob(runId: string): Promise<string> {
  const boss = await sender();
  const id = await boss.send(TRAIN_QUEUE, { runId }, TRAIN_JOB_OPTIONS);
  if (!id) throw new Error('pg-boss did not accept the training job');
  return id;
}

/** Stops the sending client (tests, shutdown). */
export async function closeTrainQueue(): Promise<void> {
  const current = globalForQueue.netcanvasTrainingQueue;
  globalForQueue.netcanvasTrainingQueue = undefined;
  if (current) await (await current.boss.catch(() => null))?.stop({ graceful: false, wait: true });
}
