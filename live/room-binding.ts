import type * as Y from 'yjs';
import type { EditorStore } from '../components/editor/store';
import { changesBetween } from '../engine/graph/changes-between';
import { readRoomGraph, writeChanges } from './room-doc';

/** The origin of transactions this editor makes, so its own updates are not read back as someone else's. */
export const LOCAL_ORIGIN = Symbol('this editor');

export interface RoomBinding {
  /** Brings the room's current document into the editor (after the first sync). */
  pull(): void;
  /** Stops both directions. */
  stop(): void;
}

export interface RoomBindingOptions {
  /** Viewers and followers receive only: their editor's changes are not written to the room. */
  readOnly?: boolean;
  /** The room's document did not parse (a bug elsewhere): what the user should be told. */
  onInvalid?(message: string): void;
}

/**
 * Connects an editor store to a live room's Yjs document, both ways, through change lists:
 *
 * - an edit in this editor (a command, an undo) is the change list between the documents before and
 *   after it, written into the room;
 * - an update from elsewhere is read back as a document and brought into the editor with
 *   `store.applyRemote`, which leaves the undo history alone: undo undoes only this user's edits.
 *
 * After writing its own edit the editor reads the room back too, so a merge that drops something
 * (a connection to a layer someone removed meanwhile) reaches it at once and every editor holds the
 * same graph.
 */
export function bindRoom(store: EditorStore, ydoc: Y.Doc, options: RoomBindingOptions = {}): RoomBinding {
  let applying = false;
  const pull = () => {
    const read = readRoomGraph(ydoc);
    if (!read.ok) {
      options.onInvalid?.(read.diagnostics[0]?.message ?? 'The shared design could not be read.');
      return;
    }
    const changes = changesBetween(store.getState().doc, read.doc);
    if (changes.length === 0) return;
    applying = true;
    try {
      store.applyRemote(changes);
    } finally {
      applying = false;
    }
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== LOCAL_ORIGIN) pull();
  };
  ydoc.on('update', onUpdate);
  const unsubscribe = store.subscribe((state, previous) => {
    if (applying || options.readOnly || state.doc === previous.doc) return;
    writeChanges(ydoc, changesBetween(previous.doc, state.doc), LOCAL_ORIGIN);
    pull();
  });
  return {
    pull,
    stop() {
      ydoc.off('update', onUpdate);
      unsubscribe();
    },
  };
}
