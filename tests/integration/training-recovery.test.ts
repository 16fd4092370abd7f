import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeTrainQueue } from '@/server/training/queue';
import { closeRunEvents } from '@/server/training/run-events';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';
import { projectWithTemplate, QUICK_RECOVERY, startWorker, type WorkerProcess, waitForRun } from './training-support';

/**
 * Crash recovery: a worker is killed with SIGKILL in the middle of a run. Its lease lapses, a
 * surviving worker's reaper fails the pg-boss job on purpose, pg-boss retries it, and a worker
 * resumes the run from its last checkpoint. The record must hold every epoch exactly once.
 */
describeEachDatabase('server training recovery', (env) => {
  let alice: TestUser;
  let projectId: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    alice = await signUp('Alice Recovery');
    projectId = await projectWithTemplate(alice, 'mlp');
  });

  afterAll(async () => {
    for (const w of workers) await w.stop();
    await closeTrainQueue();
    await closeRunEvents();
  });

  it('resumes a run from its checkpoint after its worker is killed, with no epoch lost or recorded twice', async () => {
    const epochs = 30;
    const first = startWorker(env.db.url, QUICK_RECOVERY);
    workers.push(first);
    await first.waitFor('worker ready');
    const created = await call('POST', `/api/projects/${projectId}/runs`, {
      as: alice,
      body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'server', settings: { training: { epochs, batchSize: 8 } } },
    });
    expect(created.status).toBe(201);
    const runId = created.body.id;

    const before = await waitForRun(alice, runId, (r) => r.epochs.length >= 2);
    expect(before.status).toBe('running');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const atKill = await call('GET', `/api/runs/${runId}`, { as: alice });
    const recordedAtKill: number = atKill.body.epochs.length;
    expect(recordedAtKill).toBeLessThan(epochs);
    expect(atKill.body.checkpointEpoch).toBe(recordedAtKill - 1);

    const second = startWorker(env.db.url, QUICK_RECOVERY);
    workers.push(second);
    const run = await waitForRun(alice, runId, (r) => r.status !== 'running' && r.status !== 'queued', 180_000);
    expect(run.status, second.output()).toBe('completed');

    // Every epoch exactly once, in order, none lost and none repeated.
    expect(run.epochs.map((e: { epoch: number }) => e.epoch)).toEqual(Array.from({ length: epochs }, (_, i) => i));
    // The second attempt started from the checkpoint the first one left, not from scratch.
    expect(run.attempts).toBe(2);
    expect(run.resumedFromEpoch).toBe(recordedAtKill);
    expect(second.output()).toContain(`from the checkpoint after epoch ${recordedAtKill}`);
    expect(second.output()).toContain('handed back to the queue');
    expect(run.finalMetrics.epochs).toBe(epochs);

    // pg-boss retried the same job once (the reaper failed it; the retry completed it just after the run).
    const client = new pg.Client({ connectionString: env.db.url });
    await client.connect();
    const jobId = await jobIdOf(client, runId);
    let job: { state: string; retry_count: number } | undefined;
    for (let i = 0; i < 100; i++) {
      job = (await client.query('SELECT state, retry_count FROM pgboss.job WHERE id = $1', [jobId])).rows[0];
      if (job?.state === 'completed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.end();
    expect(job).toMatchObject({ state: 'completed', retry_count: 1 });
  }, 300_000);
});

describeEachDatabase('several workers', (env) => {
  const workers: WorkerProcess[] = [];
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await closeTrainQueue();
    await closeRunEvents();
  });

  it('share one queue: each run is trained by exactly one worker, and two runs train at once', async () => {
    const alice = await signUp('Alice Many');
    const projectId = await projectWithTemplate(alice, 'mlp');
    // The default lease: nobody is killed here, and a short one can lapse on a loaded machine while a
    // worker builds its first model, which would hand the run to the other worker (a second attempt).
    for (let i = 0; i < 2; i++) workers.push(startWorker(env.db.url));
    await Promise.all(workers.map((w) => w.waitFor('worker ready')));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await call('POST', `/api/projects/${projectId}/runs`, {
        as: alice,
        body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'server', settings: { training: { epochs: 6, batchSize: 8 } } },
      });
      ids.push(created.body.id);
    }
    const runs = await Promise.all(
      ids.map((id) => waitForRun(alice, id, (r) => r.status === 'completed' || r.status === 'failed', 240_000)),
    );
    for (const run of runs) {
      expect(run.status).toBe('completed');
      expect(run.attempts).toBe(1);
      expect(run.epochs.map((e: { epoch: number }) => e.epoch)).toEqual(Array.from({ length: 6 }, (_, i) => i));
    }
    // Every run was trained by one worker, and both workers got work.
    const trainedBy = ids.map((id) => workers.filter((w) => w.output().includes(`run ${id}: training`)).length);
    expect(trainedBy).toEqual([1, 1, 1]);
    expect(workers.every((w) => /run \w+: training/.test(w.output()))).toBe(true);
  }, 300_000);
});

async function jobIdOf(client: pg.Client, runId: string): Promise<string> {
  const result = await client.query('SELECT "jobId" FROM training_run WHERE id = $1', [runId]);
  return result.rows[0].jobId;
}
