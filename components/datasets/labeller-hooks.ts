'use client';

import { useEffect, useRef } from 'react';
import { call } from '@/components/ui/api';
import * as datasetRoutes from '@/server/datasets/routes';
import type { SampleList } from '@/server/datasets/summaries';

/** Asks before the page is left while `unsaved` holds: what the labellers have not saved would go. */
export function useLeaveWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}

/**
 * The labellers' keyboard: each key pressed outside a form field is turned into an action by
 * `toAction` (null: not a key of this labeller) and dispatched, and its default is prevented. The
 * latest `toAction` is used, so it may close over the current state.
 */
export function useLabellerKeys<A>(enabled: boolean, toAction: (event: KeyboardEvent) => A | null, dispatch: (action: A) => void): void {
  const latest = useRef(toAction);
  latest.current = toAction;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.target as HTMLElement | null)?.closest('input, textarea, select')) return;
      const action = latest.current(event);
      if (action === null) return;
      event.preventDefault();
      dispatch(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, dispatch]);
}

/** Every sample of a version matching `filter`, read page by page (at most `max`), or the server's message. */
export async function loadAllSamples(
  datasetId: string,
  number: number,
  filter: 'all' | 'unlabelled',
  max: number,
): Promise<{ ok: true; samples: SampleList['samples'] } | { ok: false; message: string }> {
  const samples: SampleList['samples'] = [];
  for (let offset = 0; offset < max; offset += 500) {
    const page = await call(datasetRoutes.listSamples, { params: { datasetId, number }, query: { filter, offset, limit: 500 } });
    if (!page.ok) return { ok: false, message: page.message };
    samples.push(...page.data.samples);
    if (samples.length >= page.data.total) break;
  }
  return { ok: true, samples };
}

/**
 * Keeps the labeller's unsaved work as a draft in this browser after every change (`draft` gives
 * null when nothing is unsaved, which forgets it) and asks before the page is left with any.
 * `enabled` is false until the stored labels are loaded and once a save has gone through.
 */
export function useKeptDraft<S, D>(enabled: boolean, state: S, draft: (state: S) => D | null, write: (draft: D | null) => void): void {
  const keep = useRef({ draft, write });
  keep.current = { draft, write };
  const current = enabled ? draft(state) : null;
  useEffect(() => {
    if (enabled) keep.current.write(keep.current.draft(state));
  }, [enabled, state]);
  useLeaveWarning(enabled && current !== null);
}
