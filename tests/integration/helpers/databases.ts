import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { resetAuth } from '@/server/auth/auth';
import { useDatabase } from '@/server/db/client';
import { applyMigrations, MIGRATIONS_DIR } from '@/server/db/migrate';
import { type PgliteHost, startPgliteHost } from '@/server/db/pglite-host';

/**
 * Integration tests run twice: against a fresh database on the real PostgreSQL server
 * (127.0.0.1:5432 unless TEST_POSTGRES_URL says otherwise; created per test file, dropped after)
 * and against the embedded PGlite served by our own wire-protocol host, exactly as `npm start`
 * runs it.
 */
export type DatabaseKind = 'postgres' | 'pglite';

export interface TestDatabase {
  kind: DatabaseKind;
  url: string;
  close(): Promise<void>;
}

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export const POSTGRES_AVAILABLE = await postgresReachable();
if (!POSTGRES_AVAILABLE) {
  console.warn(`[tests] No PostgreSQL at ${ADMIN_URL}: the PostgreSQL half of the integration tests is skipped; PGlite runs.`);
}

/**
 * Where a migrated, empty PGlite's data folder is kept between test files: named by the PGlite
 * version and the migrations' contents, so a changed migration makes a new one.
 */
async function pgliteImagePath(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(path.resolve(import.meta.dirname, '../../../node_modules/@electric-sql/pglite/package.json')));
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) hash.update(name).update(await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql')));
  return path.join(tmpdir(), `netcanvas-test-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

/**
 * A migrated, empty PGlite. Its first start in a while runs initdb and every migration (as `npm
 * start` does, and tests/integration/migrations.test.ts checks) and dumps the result; later ones load
 * that dump, which takes a fraction of the time.
 */
async function openPglite(): Promise<PgliteHost> {
  const image = await pgliteImagePath();
  const saved = await readFile(image).catch(() => null);
  if (saved) return startPgliteHost({ loadDataDir: new Blob([saved]) });
  const host = await startPgliteHost();
  await applyMigrations(host.url);
  const dump = await host.db.dumpDataDir('none');
  // Written aside and renamed, so a file running at the same time never reads half a dump.
  const partial = `${image}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, image);
  // Images of earlier migration sets are of no more use.
  for (const name of await readdir(tmpdir())) {
    if (/^netcanvas-test-pglite-[0-9a-f]{16}\.tar$/.test(name) && name !== path.basename(image))
      await rm(path.join(tmpdir(), name), { force: true });
  }
  return host;
}

/** A new, migrated, empty database of the given kind. */
export async function openDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const host = await openPglite();
    return { kind, url: host.url, close: () => host.stop() };
  }
  const name = `netcanvas_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    kind,
    url: url.toString(),
    close: async () => {
      const drop = new pg.Client({ connectionString: ADMIN_URL });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

/** Both, unless NETCANVAS_TEST_DATABASES names some (`npm run verify` runs PostgreSQL only). */
export const KINDS: DatabaseKind[] = (process.env.NETCANVAS_TEST_DATABASES?.split(',') as DatabaseKind[] | undefined) ?? [
  'postgres',
  'pglite',
];

/**
 * Declares the same suite once per database. Inside, the server's Prisma client and Better Auth
 * point at that database; `env.db` is available from beforeAll on.
 */
export function describeEachDatabase(name: string, body: (env: { db: TestDatabase }) => void): void {
  for (const kind of KINDS) suiteOn(kind, name, body, kind === 'postgres' && !POSTGRES_AVAILABLE ? describe.skip : describe);
}

/**
 * Declares a suite once, on PostgreSQL when it runs here, else on PGlite: for suites whose process
 * state (a TF.js backend, a module of the browser's worker) allows one database per file.
 */
export function describeOnOneDatabase(name: string, body: (env: { db: TestDatabase }) => void): void {
  suiteOn(POSTGRES_AVAILABLE ? 'postgres' : 'pglite', name, body, describe);
}

function suiteOn(
  kind: DatabaseKind,
  name: string,
  body: (env: { db: TestDatabase }) => void,
  declare: typeof describe | typeof describe.skip,
): void {
  declare(`${name} [${kind}]`, () => {
    const env = {} as { db: TestDatabase };
    beforeAll(async () => {
      env.db = await openDatabase(kind);
      await useDatabase(env.db.url);
      resetAuth();
    });
    afterAll(async () => {
      const { db } = await import('@/server/db/client');
      await db().$disconnect();
      await env.db?.close();
    });
    body(env);
  });
}
