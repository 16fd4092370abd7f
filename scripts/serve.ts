/**
 * The production web server: `next start`'s job, with one thing Next cannot do itself — it keeps a
 * client's own `X-Forwarded-For` (it only fills the header in when it is missing), so per-address
 * limits would count whatever address a client claims. Here the header is replaced, before Next
 * sees the request, with the one address we believe (server/http/client-address.ts): the socket's,
 * or the one the operator's own proxies appended (TRUSTED_PROXY). `X-Real-IP` is dropped likewise.
 * The live rooms (co-editing, present mode) share the port: WebSocket upgrades on /api/collab go to
 * them (server/live/collab-server.ts).
 *
 * WEB_PROCESSES web server processes share the port (node:cluster hands each new connection to
 * one of them): one Node.js process answers on one core, so with PostgreSQL the default is one per
 * core. Everything they share lives in the database — rate limits, sessions, live rooms (kept in
 * step by LISTEN/NOTIFY), run events — and what each keeps in memory is a cache. With the embedded
 * PGlite the default is one: its single connection, not the web server, is the limit there.
 */
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import next from 'next';
import { cleanStaleStaging } from '@/server/datasets/ingest/clean-stale-staging';
import { port, trustedProxyHops } from '@/server/env';
import { clientAddress } from '@/server/http/client-address';
import { createCollabServer } from '@/server/live/collab-server';
import { ROOMS_SERVED } from '@/server/live/live-rooms-enabled';
import { exitWhenOrphaned } from '@/server/process/exit-when-orphaned';

async function main(): Promise<void> {
  if (cluster.isWorker) return serve();
  const processes = webProcessCount(process.env.WEB_PROCESSES);
  const cleaned = await cleanStaleStaging();
  if (cleaned.length) console.log(`[netcanvas] removed ${cleaned.length} staging folder(s) left by interrupted uploads`);
  if (processes === 1) return serve();
  superviseWebProcesses(processes);
}

/** WEB_PROCESSES, or one per core with PostgreSQL and one with the embedded PGlite (see above). */
function webProcessCount(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return process.env.NETCANVAS_EMBEDDED_DB ? 1 : availableParallelism();
  const n = Number(setting);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`WEB_PROCESSES must be a whole number of web server processes (1 or more), not "${setting}".`);
  return n;
}

/**
 * The cluster's primary: starts the web server processes, starts again one that exits unasked, and
 * passes a stop on to all of them, exiting when they have.
 */
function superviseWebProcesses(count: number): void {
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 8000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  exitWhenOrphaned();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`[netcanvas] web server process ${worker.process.pid} exited (${code ?? signal}); starting another`);
    setTimeout(() => !stopping && cluster.fork(), 1000);
  });
  for (let i = 0; i < count; i++) cluster.fork();
  console.log(`[netcanvas] ${count} web server processes on port ${port()}`);
}

async function serve(): Promise<void> {
  // Until the server is up, a stop is simply the end; then it closes what it opened.
  let stop: () => void = () => process.exit(0);
  process.on('SIGTERM', () => stop());
  process.on('SIGINT', () => stop());
  exitWhenOrphaned();
  const hops = trustedProxyHops();
  // Project pages join the live rooms this server serves below.
  process.env[ROOMS_SERVED] = '1';
  const app = next({ dev: false, dir: process.cwd(), port: port() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => {
    request.headers['x-forwarded-for'] = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], hops);
    delete request.headers['x-real-ip'];
    // As `next start` does: a request that fails outside Next's own handling is a 500, not a crash.
    handle(request, response).catch((error: unknown) => {
      console.error(`[netcanvas] could not answer ${request.method} ${request.url}:`, error);
      if (!response.headersSent) response.statusCode = 500;
      response.end('Internal Server Error');
    });
  });
  const collab = createCollabServer();
  server.on('upgrade', (request, socket, head) => {
    if (!collab.handleUpgrade(request, socket, head)) socket.destroy();
  });
  server.listen(port(), () =>
    console.log(
      `[netcanvas] web server ready on port ${port()}${hops ? ` behind ${hops} trusted proxy hop(s)` : ''}${cluster.isWorker ? ` (process ${process.pid})` : ''}`,
    ),
  );
  // Open streams (Server-Sent Events) would hold close() up: give them a few seconds, then go.
  stop = () => {
    void collab.close().finally(() => server.close(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
}

main().catch((error) => {
  console.error('[netcanvas] the web server could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
