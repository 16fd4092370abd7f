/**
 * `npm run verify`: runs the checks that keep the server's defences in place against a fresh
 * PostgreSQL database (127.0.0.1:5432, or TEST_POSTGRES_URL) and prints one table:
 *
 *   - the authorization matrix: every method of every API route × anonymous, non-member, viewer,
 *     editor and owner, by session and by API token (a leak is a row that answered other than
 *     its contract declares);
 *   - each attack that was once possible, as a case that must be refused;
 *   - the fuzz runs: random and mutated bodies for every JSON route (no 5xx, every refusal a 4xx
 *     with a message), and graph documents and model files through parse, analyse, compile, export.
 *
 *   - measured against the production server on its own fresh database (scripts/verify/live.ts):
 *     abusive uploads (peak memory, another user's longest wait), kill -9 of a worker mid-run and
 *     of the web server mid-save, killed database connections (lost acknowledged writes: 0), and
 *     50 clients saving for VERIFY_SAVE_SECONDS (default 60; errors 0, p50/p95).
 *
 * `VERIFY_FUZZ_CASES` sets the bodies per route (default 200). The first three are the integration
 * tests under tests/integration/attacks and tests/integration/authz-matrix.test.ts, run by vitest.
 * `npm run verify -- --live-only` runs only the measured cases. Exit code 1 when anything did not hold.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { liveChecks } from './verify/live';

const root = path.resolve(import.meta.dirname, '..');
const report = path.join(root, 'test-results', 'verify.json');
const fuzzCases = Number(process.env.VERIFY_FUZZ_CASES ?? 200);

const SUITES = [
  { group: 'authz', file: 'tests/integration/authz-matrix.test.ts' },
  { group: 'attack', file: 'tests/integration/attacks/' },
  { group: 'fuzz', file: 'tests/engine/fuzz.test.ts' },
] as const;

interface Assertion {
  title: string;
  fullName: string;
  ancestorTitles: string[];
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo';
  duration?: number;
  failureMessages?: string[];
}
interface Report {
  testResults: { name: string; assertionResults: Assertion[] }[];
}

function run(): Report {
  mkdirSync(path.dirname(report), { recursive: true });
  const started = Date.now();
  console.log(`[verify] running ${SUITES.map((s) => s.file).join(', ')} against PostgreSQL (${fuzzCases} fuzz bodies per route)…`);
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/vitest'),
    ['run', ...SUITES.map((s) => s.file), '--reporter=json', `--outputFile=${report}`],
    {
      cwd: root,
      env: { ...process.env, NETCANVAS_TEST_DATABASES: 'postgres', NETCANVAS_FUZZ_CASES: String(fuzzCases) },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    },
  );
  console.log(`[verify] done in ${Math.round((Date.now() - started) / 1000)} s`);
  try {
    return JSON.parse(readFileSync(report, 'utf8')) as Report;
  } catch {
    console.error(result.stderr.slice(-4000));
    throw new Error('vitest wrote no report: is PostgreSQL running on 127.0.0.1:5432?');
  }
}

function groupOf(file: string): (typeof SUITES)[number]['group'] {
  const relative = path.relative(root, file);
  return SUITES.find((s) => relative.startsWith(s.file))?.group ?? 'attack';
}

/** vitest's testTimeout (vitest.config.ts): a check that ran this long was stopped, not answered wrongly. */
const TIMEOUT_MS = 60_000;
const timedOut = (a: Assertion) => a.status === 'failed' && (a.duration ?? 0) >= TIMEOUT_MS * 0.99;

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ');
  return [line(rows[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  // `--live-only`: just the measured cases (the vitest suites take minutes).
  const results: Report = process.argv.includes('--live-only') ? { testResults: [] } : run();
  console.log('[verify] measuring against the production server…');
  const live = await liveChecks();
  const all = results.testResults.flatMap((file) => file.assertionResults.map((a) => ({ ...a, group: groupOf(file.name) })));
  const failed = all.filter((a) => a.status === 'failed');
  const matrix = all.filter((a) => a.group === 'authz' && / via (session|token)$/.test(a.title));
  const rows: string[][] = [['check', 'case', 'result', 'ms']];
  const leaks = matrix.filter((a) => a.status === 'failed' && !timedOut(a));
  const stopped = matrix.filter(timedOut);
  if (matrix.length > 0)
    rows.push([
      'authz matrix',
      `${matrix.length / 2} method×route rows × 5 roles × {session, token} = ${matrix.length * 5} requests`,
      `leaks: ${leaks.length}${stopped.length ? `, timed out: ${stopped.length}` : ''}`,
      String(Math.round(matrix.reduce((n, a) => n + (a.duration ?? 0), 0))),
    ]);
  for (const leak of leaks) rows.push(['  leak', leak.title, 'FAILED', '']);
  for (const slow of stopped) rows.push(['  timed out', slow.title, 'TIMED OUT', String(Math.round(slow.duration ?? 0))]);
  for (const a of all.filter((x) => x.group === 'authz' && !matrix.includes(x))) {
    rows.push(['authz coverage', a.title, a.status === 'passed' ? 'holds' : 'FAILED', String(Math.round(a.duration ?? 0))]);
  }
  for (const a of all.filter((x) => x.group !== 'authz')) {
    const suite = (a.ancestorTitles[0] ?? '').replace(/ \[postgres\]$/, '');
    const fuzz = a.group === 'fuzz' || suite.startsWith('fuzz');
    const verdict =
      a.status === 'passed' ? (fuzz ? 'uncaught: 0' : 'refused') : timedOut(a) ? 'TIMED OUT' : a.status === 'failed' ? 'FAILED' : a.status;
    rows.push([fuzz ? suite : suite.replace(/^attacks: /, 'attack: '), a.title, verdict, String(Math.round(a.duration ?? 0))]);
  }
  for (const row of live) rows.push([row.check, row.case, `${row.ok ? 'holds' : 'FAILED'}: ${row.result}`, String(Math.round(row.ms))]);
  const liveFailed = live.filter((row) => !row.ok);
  console.log(`\n${table(rows)}\n`);
  console.log(
    `checks: ${all.length + live.length}, held: ${all.filter((a) => a.status === 'passed').length + live.length - liveFailed.length}, ` +
      `failed: ${failed.length + liveFailed.length}`,
  );
  console.log('(waits and latencies are measured on this machine, alongside whatever else runs on it.)');
  for (const f of failed) console.log(`\nFAILED ${f.fullName}\n${(f.failureMessages ?? []).join('\n').slice(0, 1500)}`);
  process.exit(failed.length + liveFailed.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error('[verify] could not run:', error instanceof Error ? error.message : error);
  process.exit(1);
});
