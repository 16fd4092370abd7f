import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Connection, Hocuspocus, type WebSocketLike } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { authorizeRoom, type RoomMember, RoomRefusal } from './room-access';
import { checkRoomUpdate, MAX_UPDATE_BYTES } from './room-guard';
import { listenRoomSignals, MAX_SIGNAL_BYTES, publishRoomSignal, type RoomSignal } from './room-signals';
import { loadRoom, storedRoomState, storeRoom } from './room-store';

/** Where browsers open the live rooms' WebSocket, on the app's own port. */
export const COLLAB_PATH = '/api/collab';

/** Updates that came from another app instance: applied and shown, not sent back out. */
const RELAY_ORIGIN = { source: 'redis' as const };
const SYNC_STEP_1 = 0;
/** The WebSocket close code for a server that is restarting: clients reconnect. */
const SERVICE_RESTART = 1012;

export interface CollabServer {
  /** Takes an HTTP upgrade on COLLAB_PATH; returns false for any other path (left to others). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  hocuspocus: Hocuspocus;
  close(): Promise<void>;
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const memberOf = (connection: Connection): RoomMember | undefined => (connection.context as { member?: RoomMember }).member;

/**
 * The live rooms: one Yjs document per project, served by Hocuspocus inside the web server's own
 * process. Joining checks the session (or token, or share link) and the project role; viewers'
 * connections are read only, which Hocuspocus enforces on every message. Updates are checked before
 * they apply (`checkRoomUpdate`); rooms are kept in PostgreSQL and kept in step with every other
 * instance on the same database through NOTIFY (`room-signals.ts`).
 */
export function createCollabServer(): CollabServer {
  const instance = randomUUID();
  const publish = (signal: RoomSignal) =>
    publishRoomSignal(signal).catch((error: unknown) => console.error('[live] could not notify other instances:', error));

  const hocuspocus = new Hocuspocus({
    name: `netcanvas-${instance.slice(0, 8)}`,
    quiet: true,
    debounce: 500,
    maxDebounce: 3000,
    async onAuthenticate({ requestHeaders, token, documentName, connectionConfig }) {
      const member = await authorizeRoom(requestHeaders, token ?? '', documentName);
      connectionConfig.readOnly = member.readOnly;
      return { member };
    },
    async onLoadDocument({ documentName, document }) {
      let found: boolean;
      try {
        found = await loadRoom(documentName, document);
      } catch (error) {
        console.error(`[live] could not open the room of project ${documentName}:`, error);
        throw new RoomRefusal(4500, 'The live room could not be opened; reload the page to try again.');
      }
      if (!found) throw new RoomRefusal(4404, 'The project was not found.');
      // Another instance may hold edits it has not stored yet: ask for them.
      void publish({ kind: 'want', room: documentName, from: instance });
      return document;
    },
    async onStoreDocument({ documentName, document }) {
      await storeRoom(documentName, document);
    },
    async beforeSync({ type, payload, connection, document }) {
      if (type === SYNC_STEP_1 || connection.readOnly) return;
      try {
        checkRoomUpdate(document, payload);
      } catch (error) {
        const refusal = error instanceof RoomRefusal ? error : new RoomRefusal(4400, 'The update was refused.');
        connection.sendStateless(JSON.stringify({ type: 'refused', message: refusal.reason, detail: refusal.detail }));
        throw refusal;
      }
    },
    async onChange({ documentName, document, update, transactionOrigin }) {
      if (transactionOrigin === RELAY_ORIGIN) return;
      const text = toBase64(update);
      if (text.length <= MAX_SIGNAL_BYTES) return void publish({ kind: 'update', room: documentName, from: instance, update: text });
      await storeRoom(documentName, document);
      void publish({ kind: 'reload', room: documentName, from: instance });
    },
    async onAwarenessUpdate({ documentName, awareness, added, updated, removed, transactionOrigin }) {
      if (transactionOrigin === RELAY_ORIGIN) return;
      const changed = [...added, ...updated, ...removed];
      if (changed.length === 0) return;
      const text = toBase64(encodeAwarenessUpdate(awareness, changed));
      if (text.length <= MAX_SIGNAL_BYTES) void publish({ kind: 'awareness', room: documentName, from: instance, update: text });
    },
  });

  const catchUp = async (room: string) => {
    const document = hocuspocus.documents.get(room);
    const state = document ? await storedRoomState(room) : null;
    if (document && state) Y.applyUpdate(document, state, RELAY_ORIGIN);
  };
  const closeWhere = (test: (member: RoomMember) => boolean, code: number, reason: string) => {
    for (const document of hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        const member = memberOf(connection);
        if (member && test(member)) connection.close({ code, reason });
      }
    }
  };
  const onSignal = (signal: RoomSignal) => {
    if (signal.kind === 'revoke') return closeWhere((m) => m.linkId === signal.linkId, 4404, 'The share link was revoked.');
    if (signal.from === instance) return;
    const document = hocuspocus.documents.get(signal.room);
    if (!document) return;
    if (signal.kind === 'update') Y.applyUpdate(document, fromBase64(signal.update), RELAY_ORIGIN);
    else if (signal.kind === 'awareness') applyAwarenessUpdate(document.awareness, fromBase64(signal.update), RELAY_ORIGIN);
    else if (signal.kind === 'reload') void catchUp(signal.room);
    else if (signal.kind === 'want')
      void storeRoom(signal.room, document).then(() => publish({ kind: 'reload', room: signal.room, from: instance }));
  };
  const stopListening = listenRoomSignals(onSignal, () => {
    for (const room of hocuspocus.documents.keys()) void catchUp(room);
  });
  // Share links expire while people follow: check every few seconds.
  const expiry = setInterval(() => {
    const now = Date.now();
    closeWhere((m) => m.expiresAt !== undefined && m.expiresAt <= now, 4404, 'The share link has expired.');
  }, 5000);
  expiry.unref();

  const ws = crossws({
    serverOptions: { maxPayload: MAX_UPDATE_BYTES + 64 * 1024 },
    hooks: {
      open(peer) {
        const connection = hocuspocus.handleConnection(peer.websocket as unknown as WebSocketLike, peer.request as Request);
        (peer as unknown as { room?: typeof connection }).room = connection;
      },
      message(peer, message) {
        (peer as unknown as { room?: { handleMessage(m: Uint8Array): void } }).room?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        (peer as unknown as { room?: { handleClose(e: { code: number; reason: string }): void } }).room?.handleClose({
          code: event.code ?? 1000,
          reason: event.reason ?? '',
        });
      },
    },
  });

  return {
    hocuspocus,
    handleUpgrade(request, socket, head) {
      const path = (request.url ?? '').split('?')[0];
      if (path !== COLLAB_PATH && !path?.startsWith(`${COLLAB_PATH}/`)) return false;
      void ws.handleUpgrade(request, socket, head);
      return true;
    },
    async close() {
      clearInterval(expiry);
      await stopListening();
      // The sockets are closed ("service restart"), not each room: a room the server closes reads
      // to the browser as a refusal and it stops trying, while a dropped socket is retried, so
      // people come back on their own once the server is up again.
      await ws.close(SERVICE_RESTART, 'The server is restarting.');
      // Store every open room before the process goes.
      await Promise.all([...hocuspocus.documents.entries()].map(([room, document]) => storeRoom(room, document).catch(() => undefined)));
    },
  };
}
