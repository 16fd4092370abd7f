import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/prisma/generated/client';
import { databaseUrl } from '@/server/env';

export type Db = PrismaClient;

/** The client an interactive transaction hands its callback. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { netcanvasPrisma?: PrismaClient; netcanvasPool?: pg.Pool; netcanvasDatabaseUrl?: string };

/**
 * The Prisma client, created on first use (so `next build` never connects). Both database modes
 * go through the pg driver: DATABASE_URL, or the embedded PGlite that `npm start` serves.
 */
export function db(): PrismaClient {
  if (!globalForDb.netcanvasPrisma) connect(databaseUrl());
  return globalForDb.netcanvasPrisma as PrismaClient;
}

/**
 * The connection pool under db(), for the few statements every request makes (server/db/sql.ts):
 * the same connections, without the ORM's per-query work.
 */
export function dbPool(): pg.Pool {
  if (!globalForDb.netcanvasPool) connect(databaseUrl());
  return globalForDb.netcanvasPool as pg.Pool;
}

function connect(url: string): PrismaClient {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  globalForDb.netcanvasDatabaseUrl = url;
  globalForDb.netcanvasPool = pool;
  globalForDb.netcanvasPrisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return globalForDb.netcanvasPrisma;
}

/** The address db() connects to (what other clients of the same database, such as the job queue, use). */
export function currentDatabaseUrl(): string {
  return globalForDb.netcanvasDatabaseUrl ?? databaseUrl();
}

/** Points the server at another database (tests); the next db() call connects to it. */
export async function useDatabase(url: string): Promise<PrismaClient> {
  await globalForDb.netcanvasPrisma?.$disconnect();
  return connect(url);
}
