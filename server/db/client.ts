import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/prisma/generated/client';
import { databaseUrl } from '@/server/env';

export type Db = PrismaClient;

/** The client an interactive transaction hands its callback. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { netcanvasPrisma?: PrismaClient; netcanvasDatabaseUrl?: string };

/**
 * The Prisma client, created on first use (so `next build` never connects). Both database modes
 * go through the pg driver: DATABASE_URL, or the embedded PGlite that `npm start` serves.
 */
export function db(): PrismaClient {
  if (!globalForDb.netcanvasPrisma) {
    globalForDb.netcanvasDatabaseUrl = databaseUrl();
    globalForDb.netcanvasPrisma = createClient(globalForDb.netcanvasDatabaseUrl);
  }
  return globalForDb.netcanvasPrisma;
}

/** The address db() connects to (what other clients of the same database, such as the job queue, use). */
export function currentDatabaseUrl(): string {
  return globalForDb.netcanvasDatabaseUrl ?? databaseUrl();
}

export function createClient(url: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

/** Points the server at another database (tests); the next db() call connects to it. */
export async function useDatabase(url: string): Promise<PrismaClient> {
  await globalForDb.netcanvasPrisma?.$disconnect();
  globalForDb.netcanvasDatabaseUrl = url;
  globalForDb.netcanvasPrisma = createClient(url);
  return globalForDb.netcanvasPrisma;
}
