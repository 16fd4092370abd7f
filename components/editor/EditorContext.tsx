'use client';

import { createContext, type ReactNode, useContext, useMemo, useRef, useSyncExternalStore } from 'react';
import { ConnectionHintStore } from './connection-hints';
import type { EditorState, EditorStore } from './store';

/** A message for the user after an action: what happened, or why it could not. */
export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

/** Actions the canvas performs for other parts of the editor (it owns the viewport). */
export interface CanvasActions {
  /** Selects a node (expanding its block if collapsed) and centres the view on it. */
  focusNode(nodeId: string): void;
  /** Selects a connection and centres the view on it. */
  focusEdge(edgeId: string): void;
  fitView(): void;
  /** Where a new layer goes when it is not dropped anywhere: the middle of the view, in canvas units. */
  viewCentre(): { x: number; y: number };
  /** The last pointer position over the canvas, in canvas units (where a paste goes). */
  pointer(): { x: number; y: number } | null;
}

export interface EditorUi {
  store: EditorStore;
  readOnly: boolean;
  hints: ConnectionHintStore;
  notify(text: string, tone?: Notice['tone']): void;
  /** Filled in by the canvas when it mounts. */
  canvas: { current: CanvasActions | null };
}

const EditorContext = createContext<EditorUi | null>(null);

/** Provides the editor's store and UI services to everything inside it. */
export function EditorProvider({
  store,
  readOnly = false,
  notify,
  children,
}: {
  store: EditorStore;
  readOnly?: boolean;
  notify: EditorUi['notify'];
  children: ReactNode;
}) {
  const hints = useRef(new ConnectionHintStore()).current;
  const canvas = useRef<CanvasActions | null>(null);
  const value = useMemo<EditorUi>(() => ({ store, readOnly, hints, notify, canvas }), [store, readOnly, hints, notify]);
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

export function useEditor(): EditorUi {
  const ui = useContext(EditorContext);
  if (!ui) throw new Error('useEditor must be used inside an EditorProvider');
  return ui;
}

/** The editor context when there is one (the diff canvas draws layer nodes outside any editor). */
export function useOptionalEditor(): EditorUi | null {
  return useContext(EditorContext);
}

/**
 * Reads a slice of the editor state; the component re-renders only when the slice changes. The
 * selector must return the same value for the same state (the store's selectors are memoized); its
 * result is also cached per state, so derived arrays are computed once per change. `isEqual` lets a
 * new but equivalent value keep the old one (e.g. a layer's view that only moved).
 */
export function useEditorState<T>(select: (state: EditorState) => T, isEqual?: (a: T, b: T) => boolean): T {
  const { store } = useEditor();
  const cache = useRef<{ state: EditorState; select: (state: EditorState) => T; value: T } | null>(null);
  const read = () => {
    const state = store.getState();
    const hit = cache.current;
    if (hit && hit.state === state && hit.select === select) return hit.value;
    const next = select(state);
    // An equal value keeps the old identity, so the component does not re-render.
    const value = hit && hit.select === select && isEqual?.(hit.value, next) ? hit.value : next;
    cache.current = { state, select, value };
    return value;
  };
  return useSyncExternalStore(store.subscribe, read, read);
}
