import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgliteHost, parseListen, startPgliteHost } from '@/server/db/pglite-host';

/**
 * The embedded database is one PGlite backend shared by the web server and the workers through our
 * wire-protocol host. These tests hold it to what those processes rely on from PostgreSQL.
 */
describe('PGlite host', () => {
  let host: PgliteHost;
  let pool: pg.Pool;

  beforeAll(async () => {
    host = await startPgliteHost();
    pool = new pg.Pool({ connectionString: host.url, max: 8 });
    await pool.query('CREATE TABLE counter (id int PRIMARY KEY, v int NOT NULL)');
    await pool.query('INSERT INTO counter VALUES (1, 0)');
  });

  afterAll(async () => {
    await pool.end();
    await host.stop();
  });

  it('answers many concurrent parameterised queries from several connections correctly', async () => {
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => pool.query<{ a: number; b: string }>('SELECT $1::int AS a, $2::text AS b', [i, `s${i}`])),
    );
    expect(results.map((r) => r.rows[0])).toEqual(results.map((_, i) => ({ a: i, b: `s${i}` })));
  });

  it('keeps concurrent read-modify-write transactions isolated (no lost update)', async () => {
    await pool.query('UPDATE counter SET v = 0');
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query<{ v: number }>('SELECT v FROM counter WHERE id = $1', [1]);
          await new Promise((r) => setTimeout(r, 1));
          await client.query('UPDATE counter SET v = $1 WHERE id = 1', [(rows[0]?.v ?? 0) + 1]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }),
    );
    expect((await pool.query('SELECT v FROM counter')).rows[0].v).toBe(40);
  });

  it('does not show one connection uncommitted work to another, and rolls back cleanly', async () => {
    const a = await pool.connect();
    await a.query('BEGIN');
    await a.query('UPDATE counter SET v = 999 WHERE id = 1');
    // b waits for a's transaction to end (the backend is a's until then), then sees the rollback.
    const seen = pool.query<{ v: number }>('SELECT v FROM counter WHERE id = 1');
    await new Promise((r) => setTimeout(r, 50));
    await a.query('ROLLBACK');
    a.release();
    expect((await seen).rows[0]?.v).toBe(40);
  });

  it('rolls back the transaction of a connection that drops in the middle of it', async () => {
    const client = new pg.Client({ connectionString: host.url });
    client.on('error', () => {});
    await client.connect();
    await client.query('BEGIN');
    await client.query('UPDATE counter SET v = -1 WHERE id = 1');
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect((await pool.query('SELECT v FROM counter WHERE id = 1')).rows[0].v).toBe(40);
  });

  it('delivers NOTIFY to the connections that LISTEN, not to the sender', async () => {
    const listener = new pg.Client({ connectionString: host.url });
    const other = new pg.Client({ connectionString: host.url });
    const sender = new pg.Client({ connectionString: host.url });
    await Promise.all([listener.connect(), other.connect(), sender.connect()]);
    const got: string[] = [];
    listener.on('notification', (n) => got.push(`listener ${n.channel} ${n.payload}`));
    other.on('notification', (n) => got.push(`other ${n.channel} ${n.payload}`));
    sender.on('notification', (n) => got.push(`sender ${n.channel} ${n.payload}`));
    await listener.query('LISTEN run_progress');
    await other.query('LISTEN "Run_Other"');
    await sender.query(`SELECT pg_notify('run_progress', 'epoch 1')`);
    await sender.query(`BEGIN; NOTIFY run_progress, 'epoch 2'; COMMIT`);
    await sender.query(`BEGIN; NOTIFY run_progress, 'rolled back'; ROLLBACK`);
    await sender.query(`SELECT pg_notify('Run_Other', 'x')`);
    await other.query('UNLISTEN "Run_Other"');
    await sender.query(`SELECT pg_notify('Run_Other', 'after unlisten')`);
    await sender.query(`SELECT pg_notify('run_progress', 'still listening')`);
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual([
      'listener run_progress epoch 1',
      'listener run_progress epoch 2',
      'other Run_Other x',
      'listener run_progress still listening',
    ]);
    await Promise.all([listener.end(), other.end(), sender.end()]);
  });

  it('runs pg-boss: start, create a queue, send and work jobs', async () => {
    const boss = new PgBoss({ connectionString: host.url, max: 4 });
    const errors: unknown[] = [];
    boss.on('error', (e) => errors.push(e));
    await boss.start();
    await boss.createQueue('host-test');
    const seen: number[] = [];
    await boss.work<{ i: number }>('host-test', { pollingIntervalSeconds: 0.5, batchSize: 5 }, async (jobs) => {
      for (const job of jobs) seen.push(job.data.i);
    });
    for (let i = 0; i < 12; i++) await boss.send('host-test', { i });
    const deadline = Date.now() + 15_000;
    while (seen.length < 12 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await boss.stop({ graceful: false, wait: true });
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    expect(errors).toEqual([]);
  });

  it('recognises LISTEN and UNLISTEN statements', () => {
    const q = (sql: string) => {
      const body = Buffer.from(`${sql}\0`);
      const frame = Buffer.alloc(5 + body.length);
      frame.write('Q', 0);
      frame.writeInt32BE(4 + body.length, 1);
      body.copy(frame, 5);
      return parseListen(frame);
    };
    expect(q('LISTEN Foo')).toEqual({ kind: 'listen', channel: 'foo' });
    expect(q('listen "Foo"')).toEqual({ kind: 'listen', channel: 'Foo' });
    expect(q('UNLISTEN *;')).toEqual({ kind: 'unlisten', channel: '*' });
    expect(q('SELECT 1')).toBeNull();
  });
});
