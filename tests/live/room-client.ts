import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** What a room connection in a test saw: whether it synced, how it was closed, what it was told. */
export interface RoomClient {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  synced: Promise<boolean>;
  closed: Promise<{ code: number; reason: string }>;
  messages: string[];
  destroy(): void;
}

/**
 * A Node client of a live room, like the browser's: a Hocuspocus provider over `ws`, sending the
 * session cookie (or a token) the way a browser would. `synced` resolves false when the server
 * refused or closed the connection first.
 */
export function roomClient(url: string, room: string, options: { cookie?: string; token?: string; origin?: string } = {}): RoomClient {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  class HeaderSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const ydoc = new Y.Doc();
  const messages: string[] = [];
  let settle: (ok: boolean) => void = () => undefined;
  let close: (event: { code: number; reason: string }) => void = () => undefined;
  const synced = new Promise<boolean>((resolve) => (settle = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (close = resolve));
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: HeaderSocket as unknown as typeof globalThis.WebSocket,
    // A refused client should not keep knocking during a test.
    maxAttempts: 1,
    onClose: ({ event }) => {
      const e = event as unknown as { code: number; reason: string | Buffer };
      close({ code: e.code, reason: String(e.reason ?? '') });
      settle(false);
    },
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    document: ydoc,
    token: options.token ?? '',
    onSynced: () => settle(true),
    onAuthenticationFailed: ({ reason }) => {
      messages.push(reason);
      settle(false);
    },
    onStateless: ({ payload }) => messages.push(payload),
    // The server closes one room (not the socket) with a message in the protocol.
    onClose: ({ event }) => {
      close({ code: event.code, reason: String(event.reason ?? '') });
      settle(false);
    },
  });
  provider.attach();
  return {
    ydoc,
    provider,
    synced,
    closed,
    messages,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves once `test` holds, checking after every update of the document (or fails after `ms`). */
export function until(ydoc: Y.Doc, test: () => boolean, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (test()) return resolve();
    const timer = setTimeout(() => {
      ydoc.off('update', check);
      reject(new Error('the room did not reach the expected state in time'));
    }, ms);
    const check = () => {
      if (!test()) return;
      clearTimeout(timer);
      ydoc.off('update', check);
      resolve();
    };
    ydoc.on('update', check);
  });
}
