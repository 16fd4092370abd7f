import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBenchDatabase } from '../../bench/support';
import { freePort } from '../../tests/e2e/server';

const root = path.resolve(import.meta.dirname, '../..');

/** A process of the app: the web server or a training worker, started as one Node process (so kill -9 reaches it). */
export interface AppProcess {
  child: ChildProcess;
  output(): string;
  waitFor(text: string, timeoutMs?: number): Promise<void>;
}

/**
 * The production web server (scripts/serve.ts, as `npm start` runs it) on a fresh, migrated
 * PostgreSQL database, plus training workers on demand. Each process is `node --import tsx`, not
 * tsx's CLI, so its pid is the process that holds the memory and that a SIGKILL stops.
 */
export class LiveApp {
  server: AppProcess | null = null;
  private readonly env: NodeJS.ProcessEnv;

  private constructor(
    readonly url: string,
    readonly databaseUrl: string,
    readonly dropDatabase: () => Promise<void>,
    port: number,
  ) {
    this.env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NETCANVAS_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'netcanvas-verify-')),
      BETTER_AUTH_URL: url,
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXT_TELEMETRY_DISABLED: '1',
      // Short leases: a killed worker's run is noticed within seconds.
      NETCANVAS_LEASE_SECONDS: '3',
      NETCANVAS_REAP_MS: '1000',
    };
  }

  /** A new database and the server on it, answering. */
  static async start(): Promise<LiveApp> {
    const database = await createBenchDatabase();
    const port = await freePort();
    const app = new LiveApp(`http://localhost:${port}`, database.url, database.drop, port);
    await app.startServer();
    return app;
  }

  /** The server's database name, to find its connections in pg_stat_activity. */
  get databaseName(): string {
    return new URL(this.databaseUrl).pathname.slice(1);
  }

  private spawnProcess(entry: string): AppProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer) => {
      output = (output + d.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return {
      child,
      output: () => output,
      waitFor: async (text, timeoutMs = 120_000) => {
        const deadline = Date.now() + timeoutMs;
        while (!output.includes(text)) {
          if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${entry} exited before "${text}":\n${output}`);
          if (Date.now() > deadline) throw new Error(`${entry} did not print "${text}" in time:\n${output}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
    };
  }

  /** Starts the web server (again, after a kill) and waits until /api/health answers. */
  async startServer(): Promise<void> {
    const server = this.spawnProcess('scripts/serve.ts');
    this.server = server;
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (server.child.exitCode !== null) throw new Error(`the web server exited:\n${server.output()}`);
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the web server did not answer:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** A training worker on the same database, ready for jobs. */
  async startWorker(): Promise<AppProcess> {
    const worker = this.spawnProcess('worker/main.ts');
    await worker.waitFor('worker ready');
    return worker;
  }

  /** SIGKILL, and wait until the process is gone. */
  static async kill(process: AppProcess): Promise<void> {
    if (process.child.exitCode !== null || process.child.signalCode !== null) return;
    const gone = new Promise((r) => process.child.once('exit', r));
    process.child.kill('SIGKILL');
    await gone;
  }

  /** The web server's resident memory now and at its peak since the last `resetPeak`, in MiB (/proc/<pid>/status). */
  memory(): { rssMb: number; peakMb: number } {
    const status = readFileSync(`/proc/${this.server?.child.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  }

  /** Resets the web server's peak resident size to its current one (clear_refs 5), so the next peak is one case's. */
  resetPeak(): void {
    writeFileSync(`/proc/${this.server?.child.pid}/clear_refs`, '5');
  }

  /** Stops every process and drops the database. */
  async stop(workers: AppProcess[] = []): Promise<void> {
    for (const p of [...workers, ...(this.server ? [this.server] : [])]) await LiveApp.kill(p);
    await this.dropDatabase().catch(() => undefined);
  }
}
