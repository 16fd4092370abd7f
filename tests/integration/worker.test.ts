import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from './helpers/databases';

const root = path.resolve(import.meta.dirname, '../..');

describeEachDatabase('job worker', (env) => {
  it('starts pg-boss on the same database, says it is ready, and stops cleanly on SIGTERM', async () => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['worker/main.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: env.db.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
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
