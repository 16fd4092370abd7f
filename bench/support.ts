import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { LaunchOptions } from '@playwright/test';
import pg from 'pg';
import config from '../playwright.config';
import { spawnScript } from '../scripts/spawn-script';
import { applyMigrations } from '../server/db/migrate';
import { freePort } from '../tests/e2e/server';

/** Runs one statement on its own connection (CREATE / DROP DATABASE cannot share a transaction). */
export async function runSql(connectionString: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Chromium as the browser tests launch it, with any extra flags. */
export function chromiumOptions(...extraArgs: string[]): LaunchOptions {
  const launch = config.use?.launchOptions ?? {};
  return { ...launch, args: [...(launch.args ?? []), ...extraArgs] };
}

export const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(import.meta.dirname, '..');

export interface BenchServer {
  url: string;
  /** The server's database (dropped by stop). */
  databaseUrl: string;
  process: ChildProcess;
  /** Stops the server and drops its database. */
  stop(): Promise<void>;
}

/** A fresh, migrated PostgreSQL database on BENCH_POSTGRES_URL's server; `drop` removes it. */
export async function createBenchDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `netcanvas_bench_${randomBytes(5).toString('hex')}`;
  await runSql(ADMIN_URL, `CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return { name, url: url.toString(), drop: () => runSql(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * A fresh, migrated PostgreSQL database (BENCH_POSTGRES_URL's server) and the production server on
 * it, with no training workers, ready to answer. Builds the app first when the build is stale.
 */
export async function startBenchServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  const database = await createBenchDatabase();
  const { name } = database;
  const databaseUrl = new URL(database.url);
  const port = await freePort();
  const url = `http://localhost:${port}`;
  console.log(`database ${name}; starting the production server on ${url} (building first if needed)…`);
  const child = spawnScript('scripts/start.ts', [], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl.toString(),
      PORT: String(port),
      WORKERS: '0',
      NETCANVAS_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 3000));
    if (child.exitCode === null) child.kill('SIGKILL');
    await database.drop().catch(() => undefined);
  };
  try {
    await waitForServer(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, databaseUrl: databaseUrl.toString(), process: child, stop };
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  // A first start builds the app, which takes minutes on two cores.
  const deadline = Date.now() + 900_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('the server exited before it was ready');
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start');
}

/** Signs a new user up and makes an API token; returns it with the user's personal team. */
export async function signUpWithToken(url: string): Promise<{ token: string; teamId: string }> {
  const email = `bench${randomBytes(4).toString('hex')}@example.com`;
  const signUp = await fetch(`${url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ name: 'Bench', email, password: 'a long bench password' }),
  });
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { token } = await json<{ token: string }>(
    await fetch(`${url}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, cookie },
      body: JSON.stringify({ name: 'bench' }),
    }),
  );
  const { teams } = await json<{ teams: { id: string }[] }>(
    await fetch(`${url}/api/teams`, { headers: { authorization: `Bearer ${token}` } }),
  );
  return { token, teamId: teams[0]?.id as string };
}

/** The body of a successful response; anything else is an error naming the address and status. */
export async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
