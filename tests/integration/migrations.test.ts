import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS_DIR } from '@/server/db/migrate';
import { describeEachDatabase } from './helpers/databases';

const names = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describeEachDatabase('migrations', (env) => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: env.db.url });
    await client.connect();
  });
  afterAll(() => client.end());

  it('records every migration as prisma migrate deploy would', async () => {
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY 1',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('is idempotent', async () => {
    const again = await applyMigrations(env.db.url);
    expect(again).toEqual({ applied: [], alreadyApplied: names.length });
  });

  it('creates the tables the app uses', async () => {
    const { rows } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'user',
        'session',
        'account',
        'verification',
        'team',
        'membership',
        'invitation',
        'project',
        'version',
        'graph_content',
        'api_token',
      ]),
    );
  });
});

it('prisma/schema.prisma and prisma/migrations agree (no migration missing)', () => {
  const out = execFileSync('npx', ['tsx', 'scripts/db-diff.ts', '--check'], { encoding: 'utf8' });
  expect(out).toMatch(/match/);
}, 120_000);
