import pg from 'pg';
import { currentDatabaseUrl, db } from '@/server/db/client';
import type { RunEvent } from '@/server/training/schemas';

/**
 * Live run updates through PostgreSQL: writers NOTIFY on the run's channel, every app instance that
 * has a viewer of the run LISTENs and forwards to its Server-Sent Events streams. Works with several
 * app instances and workers on several machines, and with the embedded PGlite host (which routes
 * notifications between connections).
 */
export function runChannel(runId: string): string {
  return `nc_run_${runId.replace(/[^A-Za-z0-9_]/g, '_')}`.toLowerCase();
}

/** Publishes an event to every viewer of the run (NOTIFY; payloads stay far below its 8 kB limit). */
export async function publishRunEvent(runId: string, event: RunEvent): Promise<void> {
  await db().$executeRaw`SELECT pg_notify(${runChannel(runId)}, ${JSON.stringify(event)})`;
}

type Listener = (event: RunEvent) => void;

interface Hub {
  url: string;
  client: Promise<pg.Client>;
  listeners: Map<string, Set<Listener>>;
  /** Called when the LISTEN connection is lost, so open streams end and their viewers reconnect. */
  lost: Set<() => void>;
}

const globalForHub = globalThis as unknown as { netcanvasRunHub?: Hub };

/** One LISTEN connection per process, shared by every open stream. */
function hub(): Hub {
  const url = currentDatabaseUrl();
  const existing = globalForHub.netcanvasRunHub;
  if (existing && existing.url === url) return existing;
  if (existing) void existing.client.then((c) => c.end()).catch(() => undefined);
  const listeners = new Map<string, Set<Listener>>();
  const lost = new Set<() => void>();
  const created: Hub = { url, listeners, lost, client: connect(url, listeners, lost) };
  globalForHub.netcanvasRunHub = created;
  return created;
}

async function connect(url: string, listeners: Map<string, Set<Listener>>, lost: Set<() => void>): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'netcanvas-events' });
  client.on('notification', (message) => {
    const set = listeners.get(message.channel);
    if (!set || !message.payload) return;
    let event: RunEvent;
    try {
      event = JSON.parse(message.payload) as RunEvent;
    } catch {
      return;
    }
    for (const listener of set) listener(event);
  });
  client.on('error', (error) => {
    console.error('[run-events] listener connection lost:', error.message);
    // Reconnect on next use; the open streams end, and their viewers' EventSource reconnects and catches up.
    if (globalForHub.netcanvasRunHub?.url === url) globalForHub.netcanvasRunHub = undefined;
    for (const end of lost) end();
    lost.clear();
    listeners.clear();
  });
  await client.connect();
  return client;
}

/**
 * Calls `listener` with every event published on the run's channel from now on. Resolves once the
 * LISTEN is in place (so nothing published after that is missed); returns the unsubscribe function.
 * `onLost` is called if the LISTEN connection drops (the caller should end its stream).
 */
export async function subscribeRun(runId: string, listener: Listener, onLost?: () => void): Promise<() => Promise<void>> {
  const h = hub();
  if (onLost) h.lost.add(onLost);
  const channel = runChannel(runId);
  const client = await h.client;
  let set = h.listeners.get(channel);
  if (!set) {
    set = new Set();
    h.listeners.set(channel, set);
    await client.query(`LISTEN "${channel}"`);
  }
  set.add(listener);
  return async () => {
    if (onLost) h.lost.delete(onLost);
    const current = h.listeners.get(channel);
    current?.delete(listener);
    if (current && current.size === 0) {
      h.listeners.delete(channel);
      await client.query(`UNLISTEN "${channel}"`).catch(() => undefined);
    }
  };
}

/** Closes this process's LISTEN connection (tests, shutdown). */
export async function closeRunEvents(): Promise<void> {
  const current = globalForHub.netcanvasRunHub;
  globalForHub.netcanvasRunHub = undefined;
  if (current) await (await current.client.catch(() => null))?.end().catch(() => undefined);
}
