'use client';

import { useEffect, useRef } from 'react';
import { type TrainingProgress, trainingShare } from '@/live/training-share';
import type { LiveRoom } from './useLiveRoom';

/** At most this often the room hears of the run: every epoch's end arrives well within a second. */
const EVERY_MS = 250;

/** A run as it goes, from the browser's training or a server run's events; `revision` grows with it. */
export interface SharedRun extends TrainingProgress {
  revision: number;
}

/**
 * While this person presents, the run they train — in this browser or on a server worker — is
 * shared with the room as it goes (progress, the figures of each epoch, the batch losses), so the
 * class watches the same curves.
 */
export function useShareTraining(live: LiveRoom, run: SharedRun | null): void {
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ live, run });
  latest.current = { live, run };
  const { presenting } = live;
  const phase = run?.phase ?? null;
  const revision = run?.revision ?? 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the series grow in place; revision says when
  useEffect(() => {
    if (!presenting || phase === null) return;
    const send = () => {
      const { live: room, run: now } = latest.current;
      if (!now) return;
      last.current = performance.now();
      room.share({ training: trainingShare(now) });
    };
    clearTimeout(timer.current);
    const wait = EVERY_MS - (performance.now() - last.current);
    if (wait <= 0 || phase !== 'training') send();
    else timer.current = setTimeout(send, wait);
  }, [presenting, phase, revision]);

  useEffect(() => () => clearTimeout(timer.current), []);
}
