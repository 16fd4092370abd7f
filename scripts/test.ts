/**
 * The suites of `npm test` after the static checks, side by side: the unit and integration tests
 * (vitest) on one side, the production build and the browser tests (Playwright) on the other. Vitest
 * keeps one core busy and the browser tests mostly wait on the browser, so together they take about
 * the time of the longer one. Each line of output is prefixed with its suite; the exit code is
 * non-zero when either fails, and a summary says which and how long each took.
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

const suites: { name: string; steps: Step[] }[] = [
  { name: 'unit', steps: [{ label: 'vitest', command: bin('vitest'), args: ['run'] }] },
  {
    name: 'browser',
    steps: [
      { label: 'build', command: bin('tsx'), args: ['scripts/start.ts', '--build-only'] },
      { label: 'playwright', command: bin('playwright'), args: ['test'] },
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
  for (const step of suite.steps) {
    const code = await runStep(suite.name, step);
    if (code !== 0) return { name: suite.name, code, seconds: (Date.now() - started) / 1000, failed: step.label };
  }
  return { name: suite.name, code: 0, seconds: (Date.now() - started) / 1000 };
}

const results = await Promise.all(suites.map(runSuite));
for (const r of results) {
  console.log(`${r.name}: ${r.code === 0 ? 'passed' : `FAILED in ${r.failed} (exit ${r.code})`} after ${Math.round(r.seconds)} s`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
