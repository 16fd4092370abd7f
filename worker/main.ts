import PgBoss from 'pg-boss';
import { databaseUrl } from '@/server/env';
import { exitWhenOrphaned } from '@/server/process/exit-when-orphaned';
import { startWithQueues } from '@/server/training/start-queues';
import { beginStopping, handlers, services, workOptions } from '@/worker/handlers';

/**
 * A job worker: consumes the queues in worker/handlers from the same database as the web server.
 * Run as many as you like, on this machine or others pointed at the same PostgreSQL: pg-boss hands
 * each job to exactly one of them (SELECT … FOR UPDATE SKIP LOCKED).
 */
async function main(): Promise<void> {
  // Signals are handled from the first moment (tsx relays them only to a process that listens), so a
  // stop that comes while the queues are still starting is a clean stop too.
  let boss: PgBoss | null = null;
  let stopServices: (() => void)[] = [];
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing running jobs`);
    beginStopping();
    for (const stopService of stopServices) stopService();
    await boss?.stop({ graceful: true, wait: true, timeout: 20_000 }).catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  exitWhenOrphaned();

  const create = () => {
    const instance = new PgBoss({ connectionString: databaseUrl(), max: 4, application_name: 'netcanvas-worker' });
    instance.on('error', (error) => console.error('[worker] queue error:', error.message));
    return instance;
  };
  boss = await startWithQueues(create, Object.keys(handlers));
  if (stopping) return void (await boss.stop({ graceful: false }).catch(() => {}));
  for (const [queue, handler] of Object.entries(handlers)) await boss.work(queue, workOptions[queue] ?? {}, handler);
  const started = boss;
  stopServices = services.map((start) => start(started));
  console.log(`[worker] worker ready (pid ${process.pid}, ${Object.keys(handlers).length} queues)`);
}

main().catch((error) => {
  console.error('[worker] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
