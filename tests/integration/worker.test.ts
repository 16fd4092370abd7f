import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { expect, it } from 'vitest';
import { startWithQueues } from '@/server/training/start-queues';
import { spawnScript } from '../../scripts/spawn-script';
import { describeEachDatabase } from './helpers/databases';

const root = path.resolve(import.meta.dirname, '../..');

describeEachDatabase('job worker', (env) => {
  it('starts pg-boss on the same database, says it is ready, and stops cleanly on SIGTERM', async () => {
    // Node itself with tsx as its loader: the signal reaches the worker, with no relaying process between.
    const child = spawnScript('worker/main.ts', [], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: env.db.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    const deadline = Date.now() + 60_000;
    while (!output.includes('worker ready') && child.exitCode === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output).toContain('worker ready');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describeEachDatabase('pg-boss start on a fresh database', (env) => {
  it('six clients starting at once all end up started, with every queue created once', async () => {
    const queues = ['race-a', 'race-b', 'race-c'];
    let made = 0;
    const create = () => {
      made++;
      return new PgBoss({ connectionString: env.db.url, max: 2, supervise: false, application_name: 'netcanvas-test' });
    };
    const bosses = await Promise.all(Array.from({ length: 6 }, () => startWithQueues(create, queues)));
    try {
      const names = (await bosses[0]!.getQueues()).map((q) => q.name).filter((n) => n.startsWith('race-'));
      expect(names.sort()).toEqual(queues);
      const id = await bosses[3]!.send('race-b', { ping: 1 });
      expect(id).toBeTruthy();
    } finally {
      await Promise.all(bosses.map((b) => b.stop({ graceful: false, wait: true })));
    }
    // Clients whose start lost a race closed their connections: only ours remain, and they are gone.
    // A server process lingers a moment after its client hangs up, well inside the 10 s a leaked idle
    // pool would keep its connections open.
    expect(made).toBeGreaterThanOrEqual(6);
    if (env.db.kind === 'postgres') expect(await connectionsLeft(env.db.url, 3000)).toBe(0);
  }, 120_000);
});

/** Connections of the test's clients still open, polled until none or the time is up. */
async function connectionsLeft(url: string, withinMs: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'netcanvas-test'");
      const left = rows[0].n as number;
      if (left === 0 || Date.now() > deadline) return left;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}
