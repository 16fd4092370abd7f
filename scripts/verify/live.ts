/**
 * The measured half of `npm run verify`: the production server on a fresh PostgreSQL database,
 * hurt the ways a real one is — abusive uploads, kill -9 of a worker and of the web server, its
 * database connections killed — and loaded by 50 saving clients. Each case is one row.
 *
 * VERIFY_SAVE_SECONDS sets how long the 50 clients save (default 60).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { signUpWithToken } from '../../bench/support';
import { killConnections, killServer, killWorker } from './faults';
import { LiveApp } from './live-app';
import type { LiveRow } from './live-row';
import { lostWrites, makeProjects, quantile, saveUntil } from './savers';
import { uploadAbuse } from './upload-abuse';

const root = path.resolve(import.meta.dirname, '../..');
const SAVE_SECONDS = Number(process.env.VERIFY_SAVE_SECONDS ?? 60);

/** 50 clients, five on each of 10 projects, saving for SAVE_SECONDS: conflicts are answers, anything else an error. */
async function fiftySavers(app: LiveApp, user: { token: string; teamId: string }): Promise<LiveRow> {
  const started = performance.now();
  const projects = await makeProjects(app.url, user.token, user.teamId, 10);
  const until = Date.now() + SAVE_SECONDS * 1000;
  const tally = await saveUntil(app.url, user.token, projects, 50, () => Date.now() >= until);
  const lost = await lostWrites(app.url, user.token, tally.acknowledged);
  const errors = tally.unavailable + tally.wrong;
  return {
    check: 'load',
    case: `50 clients saving for ${SAVE_SECONDS} s (5 per project)`,
    result:
      `${tally.saved} saved, ${tally.conflicts} conflicts (409), errors ${errors}, lost ${lost}; ` +
      `save p50 ${quantile(tally.latenciesMs, 0.5).toFixed(0)} ms, p95 ${quantile(tally.latenciesMs, 0.95).toFixed(0)} ms` +
      (tally.firstWrong ? `; first error: ${tally.firstWrong}` : ''),
    ok: errors === 0 && lost === 0 && tally.saved > 0,
    ms: performance.now() - started,
  };
}

/** Runs a case; a case that throws is a failed row, not the end of the run. */
async function attempt(name: string, run: () => Promise<LiveRow | LiveRow[]>): Promise<LiveRow[]> {
  const started = performance.now();
  console.log(`[verify] ${name}…`);
  try {
    const rows = await run();
    return Array.isArray(rows) ? rows : [rows];
  } catch (error) {
    return [
      {
        check: 'live',
        case: name,
        result: `FAILED: ${(error as Error).message.slice(0, 600)}`,
        ok: false,
        ms: performance.now() - started,
      },
    ];
  }
}

/** Every measured case, in order, against one server (restarted where a case kills it). */
export async function liveChecks(): Promise<LiveRow[]> {
  const build = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/start.ts', '--build-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the production build failed');
  const app = await LiveApp.start();
  console.log(`[verify] production server on ${app.url}, database ${app.databaseName}`);
  try {
    const uploader = await signUpWithToken(app.url);
    const reader = await signUpWithToken(app.url);
    const [readerProject] = await makeProjects(app.url, reader.token, reader.teamId, 1);
    const rows: LiveRow[] = [];
    rows.push(
      ...(await attempt('upload abuse', () => uploadAbuse(app, uploader, { token: reader.token, projectId: readerProject as string }))),
    );
    rows.push(...(await attempt('kill -9 of the worker', () => killWorker(app, uploader))));
    rows.push(...(await attempt('kill -9 of the web server', () => killServer(app, uploader))));
    rows.push(...(await attempt('killed database connections', () => killConnections(app, uploader))));
    rows.push(...(await attempt('50 saving clients', () => fiftySavers(app, uploader))));
    return rows;
  } finally {
    await app.stop();
  }
}
