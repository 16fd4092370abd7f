'use client';

import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { createEditorStore, type EditorStore } from '@/components/editor/store';
import type { GraphDoc } from '@/engine/graph/schema';
import { useProjectStatus } from './ProjectStatus';

/** Where the project's store is kept once a tab has made it. */
interface StoreHolder {
  store: EditorStore | null;
  /** The saved version the store's document is based on (what a save names as its parent). */
  base: { current: number | null };
}

/** The project's editor store and the version its document is based on. */
export interface ProjectEditor {
  store: EditorStore;
  base: { current: number | null };
}

const Context = createContext<StoreHolder | null>(null);

/**
 * Holds the project's one editor store for all its tabs. The project layout stays mounted while
 * the user switches between Design and Train, so an edit made on the Train tab (keeping training
 * settings) lands in the same document, undo history and unsaved-changes marker as the canvas's.
 */
export function ProjectEditorProvider({ children }: { children: ReactNode }) {
  const [holder] = useState<StoreHolder>(() => ({ store: null, base: { current: null } }));
  return <Context.Provider value={holder}>{children}</Context.Provider>;
}

/**
 * The project's editor store, made on first use from `initial()` (the newest saved version,
 * numbered `version`) and shared from then on, with the version it is based on: a tab that comes
 * back later saves on the version its edits started from, and is told of a conflict when someone
 * saved since. While a tab uses it, the header's unsaved-changes marker follows it.
 */
export function useProjectEditorStore(initial: () => GraphDoc, version: number | null): ProjectEditor {
  const holder = useContext(Context);
  // Outside a project layout (a page rendered on its own) each user gets a store of its own.
  const [own] = useState<StoreHolder>(() => ({ store: null, base: { current: null } }));
  const place = holder ?? own;
  if (!place.store) {
    place.store = createEditorStore({ doc: initial() });
    place.base.current = version;
  }
  const store = place.store;
  const { publish } = useProjectStatus();
  useEffect(() => {
    publish({ dirty: store.getState().dirty });
    return store.subscribe((state, previous) => {
      if (state.dirty !== previous.dirty) publish({ dirty: state.dirty });
    });
  }, [store, publish]);
  return { store, base: place.base };
}

/** The editor's current document, re-read whenever the store changes. */
export function useEditorDoc(store: EditorStore): GraphDoc {
  const read = () => store.getState().doc;
  return useSyncExternalStore(store.subscribe, read, read);
}
