/**
 * The suites of `npm test` after the static checks, side by side: the unit and integration tests
 * (vitest) on one side, the production build and the browser tests (Playwright) on the other. Vitest
 * keeps one core busy and the browser tests mostly wait on the browser, so together they take about
 * the time of the longer one. `LATE_UNIT` moves unit test folders behind Playwright when the vitest
 * lane is the longer one. Each line of output is prefixed with its suite; the exit code is non-zero
 * when either fails, and a summary says which and how long each took.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

interface Step {
  label: string;
  command: string;
  args: string[];
}

/**
 * Unit test folders that run in the browser lane, after Playwright, so that the two lanes end at about
 * the same time: the CLI tests (about 80 s) and the engine's export and ONNX tests (about 50 s), none of
 * which opens a database. With only the CLI tests here, the vitest lane took 1,573 s and the browser
 * lane 1,353 s (its build already done; a clean clone's adds about 90 s) on a loaded machine.
 */
const LATE_UNIT: string[] = ['tests/cli', 'tests/engine/export', 'tests/engine/onnx'];

const suites: { name: string; steps: Step[] }[] = [
  {
    name: 'unit',
    steps: [{ label: 'vitest', command: bin('vitest'), args: ['run', ...LATE_UNIT.flatMap((dir) => ['--exclude', `${dir}/**`])] }],
  },
  {
    name: 'browser',
    steps: [
      { label: 'build', command: bin('tsx'), args: ['scripts/start.ts', '--build-only'] },
      { label: 'playwright', command: bin('playwright'), args: ['test'] },
      ...(LATE_UNIT.length > 0 ? [{ label: 'vitest (late)', command: bin('vitest'), args: ['run', ...LATE_UNIT] }] : []),
    ],
  },
];

function runStep(suite: string, step: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = `[${suite}] `;
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
      });
      stream.on('end', () => {
        if (rest) process.stdout.write(`${prefix}${rest}\n`);
      });
    }
    child.on('error', (error) => {
      process.stdout.write(`${prefix}could not start ${step.label}: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function runSuite(suite: (typeof suites)[number]): Promise<{ name: string; code: number; seconds: number; failed?: string }> {
  const started = Date.now();
  const failed: string[] = [];
  for (const step of suite.steps) {
    const code = await runStep(suite.name, step);
    if (code === 0) continue;
    failed.push(step.label);
    // Without a build there is nothing to test in a browser; a failed test step does not stop the next one.
    if (step.label === 'build') break;
  }
  const seconds = (Date.now() - started) / 1000;
  return failed.length > 0 ? { name: suite.name, code: 1, seconds, failed: failed.join(', ') } : { name: suite.name, code: 0, seconds };
}

const results = await Promise.all(suites.map(runSuite));
for (const r of results) {
  console.log(`${r.name}: ${r.code === 0 ? 'passed' : `FAILED in ${r.failed}`} after ${Math.round(r.seconds)} s`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
