/**
 * `npm start`: the whole app on one machine.
 *
 *   1. data folder and auth secret (generated once into data/auth-secret unless BETTER_AUTH_SECRET is set);
 *   2. the database: DATABASE_URL, or the embedded PGlite in data/pglite, served on a local port by
 *      this process so the web server and the workers share it (server/db/pglite-host.ts);
 *   3. migrations;
 *   4. `next build` when there is no build or the sources changed since the last one;
 *   5. the web server (`next start` through scripts/serve.ts; WEB_PROCESSES processes, by default one per core with
 *      PostgreSQL and one with PGlite) on PORT (default 3000) and WORKERS job workers (default: one per core; 0 for none).
 *
 * Signals are forwarded; when the web server stops, everything stops. `--dev` runs `next dev` instead
 * of building; `--build-only` does step 4 and exits (the test runner builds once, beside other work).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { applyMigrations } from '@/server/db/migrate';
import { type PgliteHost, startPgliteHost } from '@/server/db/pglite-host';
import { spawnScript } from './spawn-script';
import { copyVendorFiles } from './vendor';

const root = path.resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(root, process.env.NETCANVAS_DATA_DIR ?? 'data');
const log = (message: string) => console.log(`[netcanvas] ${message}`);
const workers = workerCount(process.env.WORKERS);

/**
 * How many job workers to run: WORKERS, or one per core. A run trains on one thread (TF.js's wasm
 * backend has no threads in Node), so one worker per core keeps every core busy when runs queue up.
 */
function workerCount(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return availableParallelism();
  const n = Number(setting);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`[netcanvas] WORKERS must be a whole number of worker processes (0 for none), got "${setting}".`);
    process.exit(2);
  }
  return n;
}

/** Inputs of `next build`: a change to any of them means the build is stale. */
const BUILD_INPUTS = [
  'app',
  'components',
  'server',
  'engine',
  'live',
  'public',
  'prisma/schema.prisma',
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
  'proxy.ts',
];
const STAMP = path.join(root, '.next', 'netcanvas-build-stamp');

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  if (process.argv.includes('--build-only')) {
    await copyVendorFiles();
    await buildIfStale({ ...process.env });
    return;
  }
  await mkdir(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    NETCANVAS_DATA_DIR: dataDir,
    BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`,
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? (await secret()),
  };

  let host: PgliteHost | null = null;
  const lock = path.join(dataDir, 'pglite.json');
  if (process.env.DATABASE_URL) {
    log(`database: PostgreSQL (${redact(process.env.DATABASE_URL)})`);
  } else {
    await refuseSecondInstance(lock);
    const started = Date.now();
    host = await startPgliteHost({ dataDir: path.join(dataDir, 'pglite'), port: Number(process.env.NETCANVAS_DB_PORT ?? 0) });
    await writeFile(lock, JSON.stringify({ url: host.url, pid: process.pid }));
    env.DATABASE_URL = host.url;
    // One web server process then (scripts/serve.ts): the embedded database has one connection.
    env.NETCANVAS_EMBEDDED_DB = '1';
    log(
      `database: embedded PGlite in ${path.relative(root, path.join(dataDir, 'pglite')) || '.'} (${Date.now() - started} ms), served on ${host.url}`,
    );
  }
  const report = await applyMigrations(env.DATABASE_URL as string);
  log(`migrations: ${report.applied.length} applied now, ${report.alreadyApplied} already applied`);

  const children = new Set<ChildProcess>();
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    for (const child of children) child.kill('SIGTERM');
    const deadline = Date.now() + 15_000;
    while ([...children].some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    if (host) {
      await host.stop().catch(() => {});
      await rm(lock, { force: true });
    }
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  await copyVendorFiles();
  if (!dev) await buildIfStale(env);

  // Production goes through scripts/serve.ts, which decides the client's address before Next sees it.
  const next = dev ? run('next', ['dev', '-p', String(port)], env) : runScript('scripts/serve.ts', { ...env, NODE_ENV: 'production' });
  children.add(next);
  next.on('exit', (code) => {
    if (!shuttingDown) {
      log(`web server exited (${code ?? 'signal'})`);
      void shutdown(code ?? 1);
    }
  });
  for (let i = 0; i < workers; i++) startWorker(i + 1, env, children, () => shuttingDown);
  log(`NetCanvas on http://localhost:${port} with ${workers} worker(s)`);
}

function startWorker(n: number, env: NodeJS.ProcessEnv, children: Set<ChildProcess>, stopping: () => boolean): void {
  const child = runScript('worker/main.ts', env);
  children.add(child);
  child.on('exit', (code) => {
    children.delete(child);
    if (stopping()) return;
    log(`worker ${n} exited (${code ?? 'signal'}); restarting in 2 s`);
    setTimeout(() => !stopping() && startWorker(n, env, children, stopping), 2000);
  });
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(path.join(root, 'node_modules', '.bin', bin), args, { cwd: root, env, stdio: 'inherit' });
}

function runScript(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawnScript(script, [], { cwd: root, env, stdio: 'inherit' });
}

/** BETTER_AUTH_SECRET for this data folder: made once, kept in data/auth-secret (mode 600). */
async function secret(): Promise<string> {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const value = randomBytes(32).toString('base64url');
  await writeFile(file, `${value}\n`, { mode: 0o600 });
  log('generated an auth secret in data/auth-secret');
  return value;
}

/** PGlite has one backend: a second `npm start` on the same data folder must not open it. */
async function refuseSecondInstance(lock: string): Promise<void> {
  if (!existsSync(lock)) return;
  const { pid } = JSON.parse(await readFile(lock, 'utf8')) as { pid: number };
  try {
    process.kill(pid, 0);
  } catch {
    return; // left behind by a run that crashed
  }
  if (pid !== process.pid) {
    console.error(`[netcanvas] Another NetCanvas (pid ${pid}) is using ${dataDir}. Stop it first, or set NETCANVAS_DATA_DIR.`);
    process.exit(1);
  }
}

async function buildIfStale(env: NodeJS.ProcessEnv): Promise<void> {
  const stamp = await sourceStamp();
  const current = existsSync(STAMP) ? (await readFile(STAMP, 'utf8')).trim() : '';
  if (current === stamp && existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    log('build is up to date');
    return;
  }
  log(current ? 'sources changed: building' : 'no build yet: building (takes a minute or two)');
  const started = Date.now();
  const code = await new Promise<number>((resolve) => run('next', ['build'], env).on('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) {
    console.error('[netcanvas] next build failed');
    process.exit(code);
  }
  await writeFile(STAMP, stamp);
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** SHA-256 over the paths and contents of every build input. */
async function sourceStamp(): Promise<string> {
  const hash = createHash('sha256');
  const visit = async (rel: string): Promise<void> => {
    const full = path.join(root, rel);
    if (!existsSync(full)) return;
    const entries = await readdir(full, { withFileTypes: true }).catch(() => null);
    if (!entries) {
      hash.update(rel).update(await readFile(full));
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      await visit(path.join(rel, entry.name));
    }
  };
  for (const input of BUILD_INPUTS) await visit(input);
  return hash.digest('hex');
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

main().catch((error) => {
  console.error('[netcanvas] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
