/**
 * `npm run bench:scale`: do N worker processes train N queued runs in the time of one?
 *
 * N = the machine's cores (BENCH_WORKERS to override). Starts N real workers (`worker/main.ts`) on a
 * fresh PostgreSQL database, then times, from queueing to the last run completed:
 *   1. one LeNet-5 run on the built-in digits alone (after a warm-up run that also loads the digits);
 *   2. N identical runs queued at once.
 * Prints both wall times and their ratio (goal ≤ 1.1). The ratio holds only while the N cores are
 * free for the workers: other load on the machine shows up in it.
 *
 * Settings: BENCH_POSTGRES_URL (see support.ts), BENCH_WORKERS (cores), BENCH_EPOCHS (3).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { spawnScript } from '../scripts/spawn-script';
import { useDatabase as connectTo, db } from '../server/db/client';
import { createProject } from '../server/projects/create-project';
import { setUpNewUser } from '../server/teams/set-up-new-user';
import { createRun } from '../server/training/create-run';
import { closeTrainQueue } from '../server/training/queue';
import { closeRunEvents } from '../server/training/run-events';
import { createBenchDatabase } from './support';

const root = path.resolve(import.meta.dirname, '..');
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const EPOCHS = Number(process.env.BENCH_EPOCHS ?? 3);

/** A worker process on the database, resolved once it consumes the queues. */
function startWorker(url: string): Promise<ChildProcess> {
  const child = spawnScript('worker/main.ts', [], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, NETCANVAS_POLL_SECONDS: '0.5' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('[worker] worker ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`a worker exited (${code}) before it was ready`)));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Queues `count` runs of the project's version 1 and waits for all; returns the wall time (ms) and each run's own. */
async function timeRuns(userId: string, projectId: string, count: number, epochs = EPOCHS): Promise<{ wallMs: number; runMs: number[] }> {
  const started = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const run = await createRun(userId, projectId, {
      versionNumber: 1,
      dataset: { builtin: 'digits' },
      place: 'server',
      settings: { training: { epochs, batchSize: 32, seed: 7 } },
    });
    ids.push(run.id);
  }
  for (;;) {
    const runs = await db().trainingRun.findMany({ where: { id: { in: ids } }, select: { status: true, error: true, wallTimeMs: true } });
    const failed = runs.find((r) => r.status === 'failed' || r.status === 'cancelled');
    if (failed) throw new Error(`a run ${failed.status}: ${failed.error}`);
    if (runs.every((r) => r.status === 'completed')) return { wallMs: Date.now() - started, runMs: runs.map((r) => r.wallTimeMs ?? 0) };
    if (Date.now() - started > 60 * 60_000) throw new Error('the runs did not finish within an hour');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  const database = await createBenchDatabase();
  await connectTo(database.url);
  const workers: ChildProcess[] = [];
  try {
    const user = await db().user.create({
      data: { id: `bench-${randomBytes(4).toString('hex')}`, name: 'Bench', email: `bench-${Date.now()}@example.com` },
    });
    await setUpNewUser(db(), user);
    const { teamId } = await db().membership.findFirstOrThrow({ where: { userId: user.id }, select: { teamId: true } });
    const project = await createProject(user.id, teamId, { name: 'LeNet-5', description: '', template: 'lenet5' });
    console.log(`starting ${WORKERS} worker process(es) on ${availableParallelism()} core(s)…`);
    workers.push(...(await Promise.all(Array.from({ length: WORKERS }, () => startWorker(database.url)))));
    await timeRuns(user.id, project.id, 1, 1); // warm-up: loads the digits into the database once
    const alone = await timeRuns(user.id, project.id, 1);
    const together = await timeRuns(user.id, project.id, WORKERS);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const ratio = together.wallMs / alone.wallMs;
    console.log(
      [
        '',
        `bench:scale — LeNet-5 on the digits, ${EPOCHS} epochs a run, ${WORKERS} worker processes, ${availableParallelism()} cores, PostgreSQL`,
        `1 run alone            ${s(alone.wallMs)} from queueing to completed (the run itself ${s(alone.runMs[0] ?? 0)})`,
        `${WORKERS} runs at once         ${s(together.wallMs)} for all (each run ${together.runMs.map(s).join(', ')})`,
        `ratio ${WORKERS} runs / 1 run    ${ratio.toFixed(2)} (goal ≤ 1.1)   ${ratio <= 1.1 ? 'OK' : 'MISSED'}`,
      ].join('\n'),
    );
  } finally {
    await Promise.all(workers.map(stopWorker));
    await closeTrainQueue();
    await closeRunEvents();
    await db().$disconnect();
    await database.drop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
