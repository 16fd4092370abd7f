'use client';

import { HocuspocusProvider } from '@hocuspocus/provider';
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import type { EditorStore } from '@/components/editor/store';
import { graphContentHash } from '@/components/editor/store/content-hash';
import { changesBetween } from '@/engine/graph/changes-between';
import type { GraphDoc } from '@/engine/graph/schema';
import { colorFor, type Peer, type Presence, peersOf } from '@/live/presence';
import { bindRoom, LOCAL_ORIGIN, type RoomBinding } from '@/live/room-binding';
import { bringRoomTo, markRoomSaved, readRoomGraph, roomIsBehind, roomSaved, writeChanges } from '@/live/room-doc';

/**
 * The document each store held when its page last left the room, or first opened it. The project's
 * store outlives the Design tab (the Train tab edits it too), and a quick user edits before the room
 * has answered: what changed meanwhile is sent to the room when it answers, rather than overwritten.
 */
const leftWith = new WeakMap<EditorStore, GraphDoc>();
/** Whether this person presents the project: kept from tab to tab (the Train tab joins the room too). */
const presentingBy = new WeakMap<EditorStore, boolean>();

/** Where the live rooms' WebSocket is: the page's own host, on /api/collab. */
function collabUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api/collab`;
}

export type LiveStatus = 'connecting' | 'live' | 'offline' | 'refused';

export interface LiveRoom {
  status: LiveStatus;
  /** Why the room refused or closed the connection, in words for the user. */
  message: string | null;
  peers: Peer[];
  me: Presence['user'];
  /** Shares some of this person's presence (cursor, viewport, presenting). */
  share(fields: Partial<Omit<Presence, 'user'>>): void;
  /** Tells everyone in the room that this document was saved as version `number`. */
  announceSaved(number: number, doc: GraphDoc): void;
  /** Whether this person presents (the room follows their view, edits and training). */
  presenting: boolean;
  setPresenting(presenting: boolean): void;
  /** Whether this screen follows the presenter's view (when someone presents). */
  following: boolean;
  setFollowing(follow: boolean): void;
}

export interface LiveRoomOptions {
  projectId: string;
  /** A share link's token, for following without an account. */
  token?: string;
  readOnly: boolean;
  name: string;
  /** False: the room is not joined at all (the server runs without live rooms). Default true. */
  enabled?: boolean;
  /** Someone saved the room as a version (the editor's document is that version now). */
  onSaved?(number: number): void;
  /** The version the editor's document is based on (the page's head, or the last save). */
  basedOn?(): number | null;
}

/**
 * Joins a project's live room: the editor store is bound to the room's document (edits go both
 * ways, undo stays one's own), and the people in the room are tracked with their presence. While
 * the connection is down edits keep going into the local copy and are sent when it is back.
 */
export function useLiveRoom(store: EditorStore, options: LiveRoomOptions): LiveRoom {
  const { projectId, token, readOnly, name, enabled = true } = options;
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [message, setMessage] = useState<string | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [following, setFollowing] = useState(true);
  const [presenting, setPresentingState] = useState(() => presentingBy.get(store) ?? false);
  const provider = useRef<HocuspocusProvider | null>(null);
  const onSaved = useRef(options.onSaved);
  onSaved.current = options.onSaved;
  const basedOn = useRef(options.basedOn);
  basedOn.current = options.basedOn;
  const me = { name, color: colorFor(name) };

  useEffect(() => {
    if (!enabled) return;
    const ydoc = new Y.Doc();
    let binding: RoomBinding | null = null;
    // Edits made before the first sync (the page was quick) count from here.
    if (!leftWith.has(store)) leftWith.set(store, store.getState().doc);
    let refused = false;
    const room = new HocuspocusProvider({
      url: collabUrl(),
      name: projectId,
      document: ydoc,
      token: token ?? '',
      onSynced: () => {
        if (!binding) {
          const before = leftWith.get(store);
          const now = store.getState().doc;
          const version = basedOn.current?.() ?? null;
          if (!readOnly && version !== null && before && roomIsBehind(ydoc, version)) {
            // The room lags behind the version this page opened (made elsewhere, or saved just before
            // the server stopped): the page's document is newer, so the room takes it.
            bringRoomTo(ydoc, before, version, LOCAL_ORIGIN);
            if (before !== now) writeChanges(ydoc, changesBetween(before, now), LOCAL_ORIGIN);
          } else if (before && before !== now && !readOnly) writeChanges(ydoc, changesBetween(before, now), LOCAL_ORIGIN);
          binding = bindRoom(store, ydoc, { readOnly, onInvalid: setMessage });
          binding.pull();
        }
        setStatus('live');
      },
      onStatus: ({ status: s }) => {
        if (refused) return;
        if (s === 'disconnected') setStatus('offline');
      },
      onAuthenticationFailed: ({ reason }) => {
        refused = true;
        setStatus('refused');
        setMessage(reason);
      },
      onClose: ({ event }) => {
        // The server ends one room (not the socket) with a reason: refused, revoked, expired.
        if (event.code === 1000 && event.reason) {
          refused = true;
          setStatus('refused');
          setMessage(event.reason);
        }
      },
      onStateless: ({ payload }) => {
        try {
          const parsed = JSON.parse(payload) as { type?: string; message?: string };
          if (parsed.type === 'refused' && parsed.message) setMessage(parsed.message);
        } catch {
          // Not a message for people.
        }
      },
      onAwarenessChange: () => setPeers(peersOf(room.awareness?.getStates() ?? new Map(), ydoc.clientID)),
    });
    provider.current = room;
    room.setAwarenessField('user', { name, color: colorFor(name) });
    if (presentingBy.get(store)) room.setAwarenessField('presenting', true);
    const meta = ydoc.getMap('meta');
    const onMeta = (event: Y.YMapEvent<unknown>) => {
      if (event.transaction.local || !event.keysChanged.has('saved')) return;
      const saved = roomSaved(ydoc);
      if (!saved || graphContentHash(store.getState().doc) !== saved.hash) return;
      store.dispatch('markSaved', { doc: store.getState().doc });
      onSaved.current?.(saved.number);
    };
    meta.observe(onMeta);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.selection !== previous.selection) room.setAwarenessField('selection', [...state.selection.nodes]);
    });
    return () => {
      if (binding) leftWith.set(store, store.getState().doc);
      unsubscribe();
      meta.unobserve(onMeta);
      (binding as RoomBinding | null)?.stop();
      room.destroy();
      ydoc.destroy();
      provider.current = null;
    };
  }, [store, projectId, token, readOnly, name, enabled]);

  const share = useCallback((fields: Partial<Omit<Presence, 'user'>>) => {
    const room = provider.current;
    if (!room?.awareness) return;
    const current = room.awareness.getLocalState() ?? {};
    room.awareness.setLocalState({ ...current, ...fields });
  }, []);

  const announceSaved = useCallback(
    (number: number, doc: GraphDoc) => {
      const room = provider.current;
      if (!room) return;
      const hash = graphContentHash(doc);
      const held = readRoomGraph(room.document);
      // The room must hold what was just saved from this page: should an edit of the page not have
      // reached it, the room takes the saved document, so nobody (nor a restart) brings back an older one.
      if (room.isSynced && held.ok && graphContentHash(held.doc) !== hash && store.getState().doc === doc)
        bringRoomTo(room.document, doc, number, LOCAL_ORIGIN);
      else markRoomSaved(room.document, { number, hash });
    },
    [store],
  );

  const setPresenting = useCallback(
    (next: boolean) => {
      presentingBy.set(store, next);
      setPresentingState(next);
      share({ presenting: next, ...(next ? {} : { training: null }) });
    },
    [store, share],
  );

  return { status, message, peers, me, share, announceSaved, presenting, setPresenting, following, setFollowing };
}
