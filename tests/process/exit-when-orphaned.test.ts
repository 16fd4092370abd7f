import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(test: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (test()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return test();
}

describe('a server process whose parent is killed outright', () => {
  it('stops through its own SIGTERM handling within seconds', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', 'tests/process/orphan-parent.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    parent.stdout.on('data', (d) => {
      output += d;
    });
    parent.stderr.on('data', (d) => {
      output += d;
    });
    expect(await waitFor(() => /child \d+/.test(output) && output.includes('child still here'), 30_000)).toBe(true);
    const childPid = Number(/child (\d+)/.exec(output)?.[1]);
    expect(alive(childPid)).toBe(true);

    try {
      // SIGKILL: the parent cannot pass anything on; the child's output pipe stays open (we hold it).
      parent.kill('SIGKILL');
      expect(await waitFor(() => output.includes('child stopping'), 5000)).toBe(true);
      expect(await waitFor(() => !alive(childPid), 5000)).toBe(true);
    } finally {
      if (alive(childPid)) process.kill(childPid, 'SIGKILL');
    }
  });

  it('ends at once when its output pipe is closed, rather than logging the failed write forever', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/process/orphan-child.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    await new Promise<void>((r) => child.stderr.once('data', () => r()));
    child.stderr.destroy();
    child.stdout.destroy();
    const code = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 5000))]);
    if (code === 'running') child.kill('SIGKILL');
    expect(code).toBe(1);
  });
});
