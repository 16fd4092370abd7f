import pg from 'pg';
import { z } from 'zod';
import { currentDatabaseUrl, db } from '@/server/db/client';

/**
 * What app instances tell each other about live rooms, over one PostgreSQL channel (NOTIFY): an
 * update of a room's document or of its presence (cursors, selections, the presenter's view), a
 * room too big for a notification ("reload it from the database"), a revoked share link. Every
 * instance that serves the database LISTENs, so rooms stay in sync however many instances there are.
 */
export const ROOM_CHANNEL = 'netcanvas_live';

/** NOTIFY payloads must stay under 8,000 bytes; larger updates go through the stored room instead. */
export const MAX_SIGNAL_BYTES = 7_500;

export const RoomSignalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('update'), room: z.string(), from: z.string(), update: z.string() }),
  z.object({ kind: z.literal('awareness'), room: z.string(), from: z.string(), update: z.string() }),
  z.object({ kind: z.literal('reload'), room: z.string(), from: z.string() }),
  /** An instance just opened the room: the others store what they hold and answer `reload`. */
  z.object({ kind: z.literal('want'), room: z.string(), from: z.string() }),
  z.object({ kind: z.literal('revoke'), linkId: z.string() }),
]);
export type RoomSignal = z.infer<typeof RoomSignalSchema>;

/** Sends a signal to every instance (this one included). */
export async function publishRoomSignal(signal: RoomSignal): Promise<void> {
  await db().$executeRaw`SELECT pg_notify(${ROOM_CHANNEL}, ${JSON.stringify(signal)})`;
}

/**
 * LISTENs for room signals on a connection of its own; reconnects after a lost connection (the
 * rooms then catch up from the database). Returns the function that stops listening.
 */
export function listenRoomSignals(onSignal: (signal: RoomSignal) => void, onReconnect: () => void): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: currentDatabaseUrl(), application_name: 'netcanvas-live' });
    next.on('notification', (message) => {
      if (message.channel !== ROOM_CHANNEL || !message.payload) return;
      try {
        const parsed = RoomSignalSchema.safeParse(JSON.parse(message.payload));
        if (parsed.success) onSignal(parsed.data);
      } catch {
        // Not ours: ignore.
      }
    });
    next.on('error', (error) => {
      console.error('[live] the room signal connection was lost:', error.message);
      client = null;
      if (!stopped) setTimeout(() => void connect().then(onReconnect, () => undefined), 1000).unref();
    });
    await next.connect();
    await next.query(`LISTEN ${ROOM_CHANNEL}`);
    client = next;
  };
  const ready = connect().catch((error: unknown) => {
    console.error('[live] could not listen for room signals:', error instanceof Error ? error.message : error);
  });
  return async () => {
    stopped = true;
    await ready;
    await client?.end().catch(() => undefined);
  };
}
