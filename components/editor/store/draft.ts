import { parseGraph } from '../../../engine/graph/parse';
import type { GraphDoc } from '../../../engine/graph/schema';
import { contentHash } from './content-hash';
import type { EditorStore } from './editor-store';

/**
 * Local drafts: the unsaved document kept in browser storage so a reload or a crash loses nothing.
 * Storage is injected (`localStorage` in the browser, a Map in tests).
 */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const DRAFT_FORMAT = 'netcanvas.draft';
export const DRAFT_VERSION = 1;

export interface Draft {
  doc: GraphDoc;
  /** The saved version the edits started from; `null` for a project never saved. */
  baseVersion: number | null;
  /** When the draft was written (ms since the epoch). */
  savedAt: number;
}

/** The project's head as the server has it. */
export interface SavedVersion {
  number: number;
  doc: GraphDoc;
  /** When it was saved (ms since the epoch), to tell a draft written after it. */
  savedAt?: number;
}

export type DraftRecovery =
  | { kind: 'none' }
  /** Offer the draft back. `conflict`: it was based on an older version than the head (restoring it overwrites newer work). */
  | { kind: 'offer'; draft: Draft; conflict: boolean }
  /** The draft was removed: unreadable, identical to the saved version, or older than it. */
  | { kind: 'dropped'; reason: 'malformed' | 'same-as-saved' | 'older-than-saved' };

/** The storage key of a project's draft. */
export function draftKey(projectId: string): string {
  return `netcanvas:draft:${projectId}`;
}

/** Writes a draft; `false` when storage refused it (quota, private mode). */
export function writeDraft(storage: DraftStorage, key: string, draft: Draft): boolean {
  try {
    storage.setItem(key, JSON.stringify({ format: DRAFT_FORMAT, version: DRAFT_VERSION, ...draft }));
    return true;
  } catch {
    return false;
  }
}

/** Reads a draft, parsing (and migrating) its document: `null` when there is none, `'malformed'` when it is unreadable. */
export function readDraft(storage: DraftStorage, key: string): Draft | null | 'malformed' {
  const text = safe(() => storage.getItem(key));
  if (text === null || text === undefined) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  const value = raw as Partial<Record<keyof Draft | 'format' | 'version', unknown>> | null;
  if (!value || value.format !== DRAFT_FORMAT || value.version !== DRAFT_VERSION) return 'malformed';
  const base = value.baseVersion;
  if (!(base === null || (typeof base === 'number' && Number.isInteger(base))) || typeof value.savedAt !== 'number') return 'malformed';
  const parsed = parseGraph(value.doc);
  if (!parsed.ok) return 'malformed';
  return { doc: parsed.doc, baseVersion: base, savedAt: value.savedAt };
}

export function clearDraft(storage: DraftStorage, key: string): void {
  safe(() => storage.removeItem(key));
}

/**
 * Decides what to do with a stored draft when a project opens, given its saved head (`null` when it
 * was never saved). A draft with the same content as the head is dropped; one based on the head, or
 * written after the head was saved, is offered back; an older one is dropped. Dropped drafts are removed.
 *
 * @example
 * const recovery = recoverDraft(localStorage, draftKey(id), { number: 3, doc, savedAt });
 * if (recovery.kind === 'offer') askToRestore(recovery.draft);
 */
export function recoverDraft(storage: DraftStorage, key: string, saved: SavedVersion | null): DraftRecovery {
  const draft = readDraft(storage, key);
  if (draft === null) return { kind: 'none' };
  const drop = (reason: 'malformed' | 'same-as-saved' | 'older-than-saved'): DraftRecovery => {
    clearDraft(storage, key);
    return { kind: 'dropped', reason };
  };
  if (draft === 'malformed') return drop('malformed');
  if (saved === null) return draft.doc.nodes.length === 0 ? drop('same-as-saved') : { kind: 'offer', draft, conflict: false };
  if (contentHash(draft.doc) === contentHash(saved.doc)) return drop('same-as-saved');
  if (draft.baseVersion === saved.number) return { kind: 'offer', draft, conflict: false };
  const writtenAfter = saved.savedAt === undefined || draft.savedAt > saved.savedAt;
  if (writtenAfter || (draft.baseVersion ?? 0) > saved.number) return { kind: 'offer', draft, conflict: true };
  return drop('older-than-saved');
}

export interface DraftConnection {
  /** Writes a pending draft now (call on `pagehide` / `beforeunload`). */
  flush(): void;
  /** Stops watching the store (writes nothing more). */
  dispose(): void;
}

export interface DraftOptions {
  /** The version the open document is based on, read at write time (it changes with each save). */
  baseVersion(): number | null;
  /** Milliseconds to wait after the last edit before writing (default 800); 0 writes at once. */
  delayMs?: number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Keeps a project's draft in step with the store: while there are unsaved changes the document is
 * written (debounced); once it is saved again, or undone back to the saved state, the draft is removed.
 */
export function connectDraft(store: EditorStore, storage: DraftStorage, key: string, options: DraftOptions): DraftConnection {
  const delay = options.delayMs ?? 800;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let timer: unknown;
  let pending = false;

  const write = () => {
    timer = undefined;
    if (!pending) return;
    pending = false;
    const state = store.getState();
    if (state.dirty) writeDraft(storage, key, { doc: state.doc, baseVersion: options.baseVersion(), savedAt: now() });
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.doc === previous.doc && state.dirty === previous.dirty) return;
    if (!state.dirty) {
      pending = false;
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      clearDraft(storage, key);
      return;
    }
    pending = true;
    if (delay === 0) return write();
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(write, delay);
  });
  return {
    flush: () => {
      if (timer !== undefined) clearTimer(timer);
      write();
    },
    dispose: () => {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      unsubscribe();
    },
  };
}

function safe<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
