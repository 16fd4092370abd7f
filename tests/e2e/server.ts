import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnScript } from '../../scripts/spawn-script';

/** A NetCanvas production server started with `npm start`'s script on a free port. */
export interface AppServer {
  url: string;
  /** Names its log, test-results/server-<name>.log (see helpers.ts's linkInServerLog). */
  name: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Signals a whole process group (nothing left of it is no error). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

export function freshDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'netcanvas-e2e-'));
}

/** Starts the app (building first when the build is stale) and waits until it answers. */
export async function startApp(
  options: {
    dataDir?: string;
    port?: number;
    name?: string;
    /** Settings to run with, e.g. DATABASE_URL and BETTER_AUTH_SECRET for instances sharing one PostgreSQL. */
    env?: Record<string, string>;
  } = {},
): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? freshDataDir();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    NETCANVAS_DATA_DIR: dataDir,
    WORKERS: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  delete env.BETTER_AUTH_URL;
  Object.assign(env, options.env);
  const name = options.name ?? String(port);
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const log = createWriteStream(path.join(root, 'test-results', `server-${name}.log`), { flags: 'a' });
  // A process group of its own, so that a stop reaches everything the app started, whatever happens.
  const child: ChildProcess = spawnScript('scripts/start.ts', [], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}; see test-results/server-${name}.log`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('the app did not start within 5 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    name,
    port,
    dataDir,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      killGroup(child, 'SIGKILL');
    },
  };
}
