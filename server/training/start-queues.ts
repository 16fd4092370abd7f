import type PgBoss from 'pg-boss';

/** PostgreSQL error codes that another process racing us through the same DDL can cause. */
const RACE_CODES = new Set(['40P01', '40001', '23505', '42P07']);

function isRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RACE_CODES.has(code);
}

/**
 * Starts a pg-boss client and makes sure the given queues exist. Several workers (or a worker and
 * the web server) starting at the same moment on a fresh database create pg-boss's queue
 * partitions concurrently, and PostgreSQL may answer one of them with a deadlock or a duplicate;
 * the loser only has to try again, since the winner has by then done the work. A pg-boss instance
 * whose start failed cannot be started again, so every attempt builds a new one.
 */
export async function startWithQueues(create: () => PgBoss, queues: readonly string[], attempts = 8): Promise<PgBoss> {
  for (let attempt = 1; ; attempt++) {
    const boss = create();
    try {
      await boss.start();
      for (const queue of queues) await boss.createQueue(queue);
      return boss;
    } catch (error) {
      await closeFailed(boss);
      if (!isRace(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
}

/**
 * pg-boss only stops what has started: after a failed start its `stop()` does nothing and the
 * connection pool it opened stays open. Close that pool ourselves.
 */
async function closeFailed(boss: PgBoss): Promise<void> {
  await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
  const db = boss.getDb() as { opened?: boolean; close?: () => Promise<void> };
  if (db.opened) await db.close?.().catch(() => undefined);
}
