import type pg from 'pg';
import { dbPool } from '@/server/db/client';

/**
 * One SQL statement on db()'s own connections, for the statements on every request's path (the
 * caller, the access check, a version's head, a save): rows as the driver gives them, none of the
 * ORM's per-query work (a quarter of a millisecond of CPU each,
 * against a twentieth here). Timestamps must be selected as `timestamptz` (`"createdAt" AT TIME
 * ZONE 'UTC'`): the columns hold UTC without a zone, which the driver would read as local time.
 *
 * @example
 * const [row] = await sql<{ role: string }>('SELECT "role" FROM "membership" WHERE "id" = $1', [id]);
 */
export async function sql<Row extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<Row[]> {
  // Unnamed statements: the embedded database serves every connection from one session, where
  // named prepared statements of two connections would collide.
  const result = await dbPool().query<Row>(text, values);
  return result.rows;
}
