import { mkdir } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';

/**
 * Serves an embedded PGlite database over the PostgreSQL wire protocol on a local port, so that the
 * web server and the workers (separate processes) all talk to it with the ordinary `pg` driver, as
 * they would to PostgreSQL.
 *
 * PGlite is one single-user backend, so connections take turns. Why not `@electric-sql/pglite-socket`'s
 * multiplexer: it hands the backend to whichever connection is next between messages, which keeps
 * explicit transactions together but (1) delivers NOTIFY to the connection that sent it, never to the
 * one that ran LISTEN, and (2) can interleave another connection's messages into an extended-protocol
 * sequence (Parse/Bind/Execute … Sync) that runs outside an explicit transaction. This host:
 * - gives the backend to one connection from its first message until it is idle again: outside a
 *   transaction block and after the Sync that ends an extended-protocol sequence;
 * - routes notifications (`A` messages) to every connection that ran LISTEN on the channel;
 * - rolls back and resynchronises when a connection drops mid-transaction, and drops a connection
 *   that sits idle inside a transaction longer than `idleInTransactionMs` (like Postgres's
 *   `idle_in_transaction_session_timeout`), so one stuck client cannot stall the others forever.
 * Tested in tests/integration/pglite-host.test.ts.
 */
export interface PgliteHost {
  /** `postgresql://postgres@127.0.0.1:PORT/postgres` */
  url: string;
  port: number;
  db: PGlite;
  stop(): Promise<void>;
}

export interface PgliteHostOptions {
  /** Data folder; `memory://` (the default) keeps everything in memory. */
  dataDir?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  maxConnections?: number;
  idleInTransactionMs?: number;
  /** A data folder dumped by `PGlite.dumpDataDir` to start from (a copy of another database). */
  loadDataDir?: Blob;
}

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const SYNC = Uint8Array.from([0x53, 0, 0, 0, 4]);
/** Frontend messages that open (or continue) an extended-protocol sequence, ended by Sync. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H']);

interface Connection {
  id: number;
  socket: Socket;
  input: Buffer;
  output: Buffer;
  frames: Uint8Array[];
  started: boolean;
  extendedOpen: boolean;
  channels: Set<string>;
  closed: boolean;
  idleTimer?: NodeJS.Timeout;
}

export async function startPgliteHost(options: PgliteHostOptions = {}): Promise<PgliteHost> {
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const host = new Host(db, options.maxConnections ?? 100, options.idleInTransactionMs ?? 60_000);
  const port = await host.listen(options.host ?? '127.0.0.1', options.port ?? 0);
  return {
    url: `postgresql://postgres@${options.host ?? '127.0.0.1'}:${port}/postgres`,
    port,
    db,
    stop: async () => {
      await host.close();
      await db.close();
    },
  };
}

class Host {
  private server: Server | null = null;
  private readonly connections = new Set<Connection>();
  private readonly ready: Connection[] = [];
  private owner: Connection | null = null;
  private pumping = false;
  private nextId = 1;
  private cleanup = { sync: false, rollback: false, channels: false };

  constructor(
    private readonly db: PGlite,
    private readonly maxConnections: number,
    private readonly idleInTransactionMs: number,
  ) {}

  listen(host: string, port: number): Promise<number> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  async close(): Promise<void> {
    for (const conn of this.connections) conn.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    while (this.pumping) await new Promise((r) => setTimeout(r, 5));
  }

  private accept(socket: Socket): void {
    if (this.connections.size >= this.maxConnections) {
      socket.end(errorResponse('53300', 'sorry, too many clients already'));
      return;
    }
    socket.setNoDelay(true);
    const conn: Connection = {
      id: this.nextId++,
      socket,
      input: Buffer.alloc(0),
      output: Buffer.alloc(0),
      frames: [],
      started: false,
      extendedOpen: false,
      channels: new Set(),
      closed: false,
    };
    this.connections.add(conn);
    socket.on('data', (chunk) => this.receive(conn, chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.drop(conn));
  }

  /** Splits incoming bytes into whole protocol messages and queues them. */
  private receive(conn: Connection, chunk: Buffer): void {
    conn.input = conn.input.length ? Buffer.concat([conn.input, chunk]) : chunk;
    for (;;) {
      if (!conn.started) {
        if (conn.input.length < 8) break;
        const length = conn.input.readInt32BE(0);
        if (conn.input.length < length) break;
        const code = conn.input.readInt32BE(4);
        const frame = conn.input.subarray(0, length);
        conn.input = conn.input.subarray(length);
        if (code === SSL_REQUEST) {
          conn.socket.write('N');
          continue;
        }
        if (code === CANCEL_REQUEST) {
          conn.socket.destroy();
          return;
        }
        if (code !== PROTOCOL_3) {
          conn.socket.end(errorResponse('08P01', 'unsupported frontend protocol'));
          return;
        }
        conn.started = true;
        this.enqueue(conn, new Uint8Array(frame));
        continue;
      }
      if (conn.input.length < 5) break;
      const length = 1 + conn.input.readInt32BE(1);
      if (conn.input.length < length) break;
      const frame = conn.input.subarray(0, length);
      conn.input = conn.input.subarray(length);
      if (frame[0] === 0x58 /* X: Terminate */) {
        conn.socket.end();
        return;
      }
      this.enqueue(conn, new Uint8Array(frame));
    }
  }

  private enqueue(conn: Connection, frame: Uint8Array): void {
    if (conn.idleTimer) clearTimeout(conn.idleTimer);
    conn.idleTimer = undefined;
    conn.frames.push(frame);
    if (!this.ready.includes(conn)) this.ready.push(conn);
    void this.pump();
  }

  /** Runs queued messages one at a time, keeping the backend with its owner until it is idle. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        if (this.cleanup.sync || this.cleanup.rollback || this.cleanup.channels) await this.runCleanup();
        const conn = this.next();
        if (!conn) break;
        const frame = conn.frames.shift() as Uint8Array;
        if (conn.frames.length === 0) this.ready.splice(this.ready.indexOf(conn), 1);
        await this.execute(conn, frame);
        const type = String.fromCharCode(frame[0] ?? 0);
        if (EXTENDED.has(type)) conn.extendedOpen = true;
        else if (type === 'S' || type === 'Q') conn.extendedOpen = false;
        if (conn.closed) {
          // It went away while its message ran: undo whatever it left open.
          this.cleanup.sync ||= conn.extendedOpen;
          this.cleanup.rollback = true;
          if (this.owner === conn) this.owner = null;
          continue;
        }
        const busy = conn.extendedOpen || this.db.isInTransaction();
        this.owner = busy ? conn : null;
        if (busy && conn.frames.length === 0) this.armIdleTimer(conn);
      }
    } finally {
      this.pumping = false;
    }
  }

  private next(): Connection | undefined {
    if (this.owner) return this.owner.frames.length > 0 ? this.owner : undefined;
    return this.ready[0];
  }

  private async execute(conn: Connection, frame: Uint8Array): Promise<void> {
    const listen = frame[0] === 0x51 /* Q */ ? parseListen(frame) : null;
    try {
      await this.db.execProtocolRawStream(frame, { onRawData: (data) => this.forward(conn, data) });
    } catch (error) {
      conn.socket.end(errorResponse('XX000', `embedded database error: ${String(error)}`));
      conn.closed = true;
      return;
    }
    if (listen) await this.trackListen(conn, listen);
  }

  /** Writes the backend's reply to its connection; notifications go to whoever listens. */
  private forward(conn: Connection, data: Uint8Array): void {
    conn.output = conn.output.length ? Buffer.concat([conn.output, data]) : Buffer.from(data);
    let start = 0;
    let offset = 0;
    const out = conn.output;
    while (out.length - offset >= 5) {
      const length = 1 + out.readInt32BE(offset + 1);
      if (out.length - offset < length) break;
      if (out[offset] === 0x41 /* A: NotificationResponse */) {
        if (offset > start) this.write(conn, out.subarray(start, offset));
        this.notify(out.subarray(offset, offset + length));
        start = offset + length;
      }
      offset += length;
    }
    if (offset > start) this.write(conn, out.subarray(start, offset));
    conn.output = out.subarray(offset);
  }

  private write(conn: Connection, bytes: Buffer): void {
    if (!conn.closed && conn.socket.writable) conn.socket.write(Buffer.from(bytes));
  }

  private notify(message: Buffer): void {
    const end = message.indexOf(0, 9);
    const channel = message.subarray(9, end).toString('utf8');
    for (const conn of this.connections) if (conn.channels.has(channel)) this.write(conn, message);
  }

  private async trackListen(conn: Connection, statement: ListenStatement): Promise<void> {
    if (statement.kind === 'listen') {
      conn.channels.add(statement.channel);
      return;
    }
    if (statement.channel === '*') conn.channels.clear();
    else conn.channels.delete(statement.channel);
    // The backend is shared: UNLISTEN stopped it for everyone, so listen again for the others.
    await this.relisten();
  }

  private async relisten(): Promise<void> {
    const wanted = new Set<string>();
    for (const conn of this.connections) for (const channel of conn.channels) wanted.add(channel);
    for (const channel of wanted) await this.silent(simpleQuery(`LISTEN ${quoteIdent(channel)}`));
  }

  /** Runs a message of the host's own and throws its reply away. */
  private silent(frame: Uint8Array): Promise<void> {
    return this.db.execProtocolRawStream(frame, { onRawData: () => {} });
  }

  private armIdleTimer(conn: Connection): void {
    conn.idleTimer = setTimeout(() => {
      if (this.owner === conn && conn.frames.length === 0) conn.socket.destroy();
    }, this.idleInTransactionMs);
    conn.idleTimer.unref();
  }

  /** A closed connection gives the backend back in a clean state (done by the pump, between messages). */
  private drop(conn: Connection): void {
    if (!this.connections.has(conn)) return;
    conn.closed = true;
    if (conn.idleTimer) clearTimeout(conn.idleTimer);
    this.connections.delete(conn);
    conn.frames = [];
    const index = this.ready.indexOf(conn);
    if (index >= 0) this.ready.splice(index, 1);
    if (this.owner === conn) {
      this.owner = null;
      this.cleanup.sync ||= conn.extendedOpen;
      this.cleanup.rollback = true;
    }
    if (conn.channels.size > 0) this.cleanup.channels = true;
    void this.pump();
  }

  private async runCleanup(): Promise<void> {
    const { sync, rollback, channels } = this.cleanup;
    this.cleanup = { sync: false, rollback: false, channels: false };
    try {
      if (sync) await this.silent(SYNC);
      if (rollback && this.db.isInTransaction()) await this.silent(simpleQuery('ROLLBACK'));
      if (channels) {
        await this.silent(simpleQuery('UNLISTEN *'));
        await this.relisten();
      }
    } catch {
      // The backend reports its own errors to the next client; nothing more to do here.
    }
  }
}

interface ListenStatement {
  kind: 'listen' | 'unlisten';
  channel: string;
}

/** Recognises a simple-protocol `LISTEN x` / `UNLISTEN x` / `UNLISTEN *` statement. */
export function parseListen(frame: Uint8Array): ListenStatement | null {
  const text = Buffer.from(frame.subarray(5, frame.length - 1)).toString('utf8');
  const match = /^\s*(LISTEN|UNLISTEN)\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*|\*)\s*;?\s*$/i.exec(text);
  if (!match) return null;
  const raw = match[2] as string;
  const channel = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw === '*' ? '*' : raw.toLowerCase();
  return { kind: (match[1] as string).toLowerCase() as 'listen' | 'unlisten', channel };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function simpleQuery(sql: string): Uint8Array {
  const body = Buffer.from(`${sql}\0`, 'utf8');
  const frame = Buffer.alloc(5 + body.length);
  frame.write('Q', 0);
  frame.writeInt32BE(4 + body.length, 1);
  body.copy(frame, 5);
  return new Uint8Array(frame);
}

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0C${code}\0M${message}\0\0`, 'utf8');
  const frame = Buffer.alloc(5 + fields.length);
  frame.write('E', 0);
  frame.writeInt32BE(4 + fields.length, 1);
  fields.copy(frame, 5);
  return frame;
}
