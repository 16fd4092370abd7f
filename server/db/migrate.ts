import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/**
 * Applies prisma/migrations/<name>/migration.sql files that the database has not seen yet, each in
 * its own transaction, and records them in `_prisma_migrations` exactly as `prisma migrate deploy`
 * does (same table, columns, SHA-256 checksum and advisory lock id), so the two agree. Works on
 * PostgreSQL and on the embedded PGlite alike, offline.
 */
export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/** The advisory lock Prisma's migrate takes, so two starters never migrate at once. */
const PRISMA_LOCK_ID = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

export async function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_LOCK_ID]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const applied: string[] = [];
    for (const name of names) {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const row = done.get(name);
      if (row?.finished_at) {
        if (row.checksum !== checksum) console.warn(`migration ${name} was edited after it was applied`);
        continue;
      }
      if (row) throw new Error(`migration ${name} failed earlier; fix the database and mark it rolled back before retrying`);
      const startedAt = new Date();
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, $4, 1)`,
          [randomUUID(), checksum, name, startedAt],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(error as Error).message}`);
      }
      applied.push(name);
    }
    return { applied, alreadyApplied: names.length - applied.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_LOCK_ID]).catch(() => {});
    await client.end();
  }
}
