import pg from 'pg';
import { ADMIN_URL, json } from '../../bench/support';
import { type AppProcess, LiveApp } from './live-app';
import type { LiveRow } from './live-row';
import { authHeaders, lostWrites, makeProjects, saveUntil } from './savers';

interface Run {
  status: string;
  error: string | null;
  attempts: number;
  resumedFromEpoch: number | null;
  epochs: { epoch: number; metrics: Record<string, number> }[];
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForRun(url: string, token: string, runId: string, done: (run: Run) => boolean, timeoutMs: number): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await json<Run>(await fetch(`${url}/api/runs/${runId}`, { headers: authHeaders(token) }));
    if (done(run)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} stayed ${run.status} with ${run.epochs.length} epochs`);
    await sleep(250);
  }
}

/**
 * kill -9 of the worker training a server run: every epoch recorded before the kill must still be
 * there, unchanged, and the run must resume on another worker and complete (or fail with a reason).
 */
export async function killWorker(app: LiveApp, user: { token: string; teamId: string }): Promise<LiveRow> {
  const started = performance.now();
  const [projectId] = await makeProjects(app.url, user.token, user.teamId, 1);
  const epochs = 30;
  const workers: AppProcess[] = [await app.startWorker()];
  try {
    const { id } = await json<{ id: string }>(
      await fetch(`${app.url}/api/projects/${projectId}/runs`, {
        method: 'POST',
        headers: authHeaders(user.token),
        body: JSON.stringify({
          versionNumber: 1,
          dataset: { builtin: 'spiral' },
          place: 'server',
          settings: { training: { epochs, batchSize: 8 } },
        }),
      }),
    );
    const atKill = await waitForRun(app.url, user.token, id, (r) => r.epochs.length >= 3, 180_000);
    await LiveApp.kill(workers[0] as AppProcess);
    const recorded = (await waitForRun(app.url, user.token, id, () => true, 10_000)).epochs;
    workers.push(await app.startWorker());
    const end = await waitForRun(app.url, user.token, id, (r) => r.status !== 'running' && r.status !== 'queued', 300_000);
    const lost = recorded.filter(
      (e) => JSON.stringify(end.epochs.find((f) => f.epoch === e.epoch)?.metrics) !== JSON.stringify(e.metrics),
    ).length;
    const numbers = end.epochs.map((e) => e.epoch);
    const once = numbers.every((n, i) => n === i);
    const ok = lost === 0 && once && (end.status === 'completed' ? numbers.length === epochs : end.status === 'failed' && !!end.error);
    return {
      check: 'fault',
      case: `kill -9 of the worker during a server run (${atKill.epochs.length}+ of ${epochs} epochs done)`,
      result:
        `${recorded.length} epochs recorded at the kill, lost ${lost}; run ${end.status}` +
        (end.status === 'completed' ? ` after ${end.attempts} attempts, resumed from epoch ${end.resumedFromEpoch}` : `: ${end.error}`) +
        `; every epoch once: ${once ? 'yes' : 'NO'}`,
      ok,
      ms: performance.now() - started,
    };
  } finally {
    for (const w of workers) await LiveApp.kill(w);
  }
}

/** kill -9 of the web server while 10 clients save: every save that got a 2xx is there after the restart. */
export async function killServer(app: LiveApp, user: { token: string; teamId: string }): Promise<LiveRow> {
  const started = performance.now();
  const projects = await makeProjects(app.url, user.token, user.teamId, 5);
  let stop = false;
  const saving = saveUntil(app.url, user.token, projects, 10, () => stop);
  await sleep(5000);
  await LiveApp.kill(app.server as AppProcess);
  await sleep(1000);
  await app.startServer();
  await sleep(3000);
  stop = true;
  const tally = await saving;
  const lost = await lostWrites(app.url, user.token, tally.acknowledged);
  return {
    check: 'fault',
    case: 'kill -9 of the web server while 10 clients save, then a restart',
    result: `${tally.saved} saves acknowledged, lost ${lost}; ${tally.unavailable} refused or cut off while it was down; other answers ${tally.wrong}`,
    ok: lost === 0 && tally.wrong === 0 && tally.saved > 0,
    ms: performance.now() - started,
  };
}

/** Kills the web server's database connections (pg_terminate_backend) every 2 s while 10 clients save. */
export async function killConnections(app: LiveApp, user: { token: string; teamId: string }): Promise<LiveRow> {
  const started = performance.now();
  const projects = await makeProjects(app.url, user.token, user.teamId, 5);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  let stop = false;
  let killed = 0;
  const saving = saveUntil(app.url, user.token, projects, 10, () => stop);
  try {
    for (let round = 0; round < 5; round++) {
      await sleep(2000);
      const { rows } = await admin.query(
        'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [app.databaseName],
      );
      killed += rows.filter((r) => r.ok).length;
    }
    await sleep(2000);
  } finally {
    stop = true;
    await admin.end();
  }
  const tally = await saving;
  // Recovered: answers, makes a project and saves on it again, on new connections.
  const health = (await fetch(`${app.url}/api/health`)).status;
  const fresh = await makeProjects(app.url, user.token, user.teamId, 1);
  let attempts = 0;
  const after = await saveUntil(app.url, user.token, fresh, 1, () => attempts++ > 0);
  const lost = await lostWrites(app.url, user.token, [...tally.acknowledged, ...after.acknowledged]);
  return {
    check: 'fault',
    case: 'database connections killed (pg_terminate_backend) 5 times while 10 clients save',
    result:
      `${killed} connections killed; ${tally.saved} saves acknowledged, lost ${lost}; 5xx ${tally.unavailable}, other errors ${tally.wrong}; ` +
      `afterwards health ${health}, a save ${after.saved === 1 ? 'succeeds' : 'FAILS'}`,
    ok: lost === 0 && tally.wrong === 0 && health === 200 && after.saved === 1,
    ms: performance.now() - started,
  };
}
