'use client';

import { useEffect, useRef, useState } from 'react';
import { clearDraft, connectDraft, type Draft, type EditorStore, recoverDraft } from '@/components/editor/store';
import { type ListableStorage, otherDrafts, tabDraftKey, tabId } from './tab-drafts';
import type { LoadedVersion } from './types';

const recovered = new WeakSet<EditorStore>();

/** A draft the user may bring back: from this tab (based on an older version) or from another tab. */
export interface DraftOffer {
  key: string;
  draft: Draft;
  /** Based on an older version than the newest: restoring it would undo newer work. */
  conflict: boolean;
  /** Left by another tab or an earlier session. */
  elsewhere: boolean;
}

/**
 * Keeps this tab's unsaved edits as a draft in localStorage (written while there are unsaved
 * changes, removed once saved), and on opening brings them back: this tab's own draft based on the
 * newest version is restored at once (a reload loses nothing); anything else is offered.
 */
export function useDraftRecovery(
  store: EditorStore,
  projectId: string,
  head: LoadedVersion | null,
  baseVersion: () => number | null,
  enabled: boolean,
): { restored: Draft | null; offer: DraftOffer | null; accept(): void; discard(): void } {
  const [restored, setRestored] = useState<Draft | null>(null);
  const [offer, setOffer] = useState<DraftOffer | null>(null);
  const base = useRef(baseVersion);
  base.current = baseVersion;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per opened project
  useEffect(() => {
    if (!enabled) return;
    const storage = window.localStorage as ListableStorage;
    const key = tabDraftKey(projectId, tabId(window.sessionStorage));
    const connection = connectDraft(store, storage, key, { baseVersion: () => base.current() });
    const flush = () => connection.flush();
    window.addEventListener('pagehide', flush);
    const stop = () => {
      window.removeEventListener('pagehide', flush);
      connection.flush();
      connection.dispose();
    };
    // Recover once per store (effects may run twice in development).
    if (recovered.has(store)) return stop;
    recovered.add(store);
    const saved = head
      ? { number: head.number, doc: head.graph, ...(head.createdAt ? { savedAt: Date.parse(head.createdAt) } : {}) }
      : null;
    const own = recoverDraft(storage, key, saved);
    // Edits already made in this page (kept training settings) are not overwritten unasked.
    if (own.kind === 'offer' && !own.conflict && !store.getState().dirty) {
      const result = store.dispatch('replaceDocument', { doc: own.draft.doc, mode: 'import' });
      if (result.ok) setRestored(own.draft);
    } else if (own.kind === 'offer') {
      setOffer({ key, draft: own.draft, conflict: own.conflict, elsewhere: false });
    } else {
      const other = otherDrafts(storage, projectId, key).find(({ key: k }) => recoverDraft(storage, k, saved).kind === 'offer');
      if (other)
        setOffer({
          key: other.key,
          draft: other.draft,
          conflict: head !== null && other.draft.baseVersion !== head.number,
          elsewhere: true,
        });
    }
    return stop;
  }, [projectId, enabled]);

  return {
    restored,
    offer,
    accept() {
      if (!offer) return;
      const result = store.dispatch('replaceDocument', { doc: offer.draft.doc, mode: 'import' });
      if (result.ok && offer.elsewhere) clearDraft(window.localStorage, offer.key);
      setOffer(null);
      setRestored(offer.draft);
    },
    discard() {
      if (offer) clearDraft(window.localStorage, offer.key);
      setOffer(null);
    },
  };
}
