import { type Draft, type DraftStorage, draftKey, readDraft } from '@/components/editor/store';

/** Browser storage that can list its keys (localStorage). */
export interface ListableStorage extends DraftStorage {
  readonly length: number;
  key(index: number): string | null;
}

const TAB_KEY = 'netcanvas:tab';
/** Drafts nobody came back to for this long are removed. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/**
 * This browser tab's id, kept in sessionStorage: it survives a reload (and a restored session after a
 * crash) but a new tab gets its own, so two tabs editing one project keep separate drafts.
 */
export function tabId(session: DraftStorage, random: () => string = () => Math.random().toString(36).slice(2, 10)): string {
  let id: string | null = null;
  try {
    id = session.getItem(TAB_KEY);
    if (!id) {
      id = random();
      session.setItem(TAB_KEY, id);
    }
  } catch {
    id = random();
  }
  return id;
}

/** Where this tab keeps its draft of a project (localStorage, so it survives a crash). */
export function tabDraftKey(projectId: string, tab: string): string {
  return `${draftKey(projectId)}:${tab}`;
}

/**
 * Drafts of the project left by other tabs (closed, crashed, or from an earlier session), newest
 * first; stale ones (a month old, or unreadable) are removed on the way.
 */
export function otherDrafts(
  storage: ListableStorage,
  projectId: string,
  ownKey: string,
  now = Date.now(),
): { key: string; draft: Draft }[] {
  const prefix = `${draftKey(projectId)}:`;
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix) && key !== ownKey) keys.push(key);
    }
  } catch {
    return [];
  }
  const found: { key: string; draft: Draft }[] = [];
  for (const key of keys) {
    const draft = readDraft(storage, key);
    if (draft === null) continue;
    if (draft === 'malformed' || now - draft.savedAt > MAX_AGE_MS) {
      storage.removeItem(key);
      continue;
    }
    found.push({ key, draft });
  }
  return found.sort((a, b) => b.draft.savedAt - a.draft.savedAt);
}
