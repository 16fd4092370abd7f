/**
 * `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded database in
 * ./data when DATABASE_URL is unset. (`npm start` does this by itself on every start.)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '@/server/db/migrate';
import { startPgliteHost } from '@/server/db/pglite-host';
import { databaseUrl, dataDir } from '@/server/env';

async function main(): Promise<void> {
  const running = existsSync(path.join(dataDir(), 'pglite.json'));
  if (process.env.DATABASE_URL || running) {
    const report = await applyMigrations(databaseUrl());
    console.log(`applied ${report.applied.length} migration(s); ${report.alreadyApplied} already applied`);
    return;
  }
  const host = await startPgliteHost({ dataDir: path.join(dataDir(), 'pglite') });
  try {
    const report = await applyMigrations(host.url);
    console.log(`embedded database: applied ${report.applied.length} migration(s); ${report.alreadyApplied} already applied`);
  } finally {
    await host.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
