'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '@/components/ui/api';
import { isFinal, type RunStatus } from '@/engine/train/run-lifecycle';
import * as trainingRoutes from '@/server/training/routes';
import type { RunDetail } from '@/server/training/schemas';

const ATTEMPTS = 5;
const RETRY_MS = 1000;

/**
 * A run as the server has it: the page's copy to begin with, fetched again by `refresh` (when a
 * live run ends) so that its duration, evaluation and weights show without a reload. The end is
 * announced as soon as it is committed, but a fetch that still sees the run unfinished tries again.
 */
export function useFreshRun(initial: RunDetail): { run: RunDetail; refresh: () => void; error: string | null } {
  const [run, setRun] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const refresh = useCallback(() => {
    const load = async (attempt: number) => {
      const result = await call(trainingRoutes.getRun, { params: { runId: initial.id } });
      if (!alive.current) return;
      if (!result.ok) return setError(`The finished run could not be loaded again: ${result.message}`);
      setRun(result.data);
      if (!isFinal(result.data.status as RunStatus) && attempt < ATTEMPTS) setTimeout(() => load(attempt + 1), RETRY_MS);
    };
    void load(1);
  }, [initial.id]);
  return { run, refresh, error };
}
