'use client';

import { useCallback, useEffect, useState } from 'react';
import type { BackendFigures, BackendName } from '@/engine/backends';
import { forgetRemembered, type RememberedBackend, readRemembered, writeRemembered } from './backend-memory';

export interface BackendMemory {
  /** The last fastest backend this browser measured for the model, if any. */
  remembered: RememberedBackend | null;
  /** Keeps a measurement (of more than one backend) for the model. */
  remember(backend: BackendName, figures: BackendFigures[]): void;
  /** Forgets it, so the next run measures again. */
  forget(): void;
}

/**
 * The backend measurement of one model signature in this browser's localStorage, so that runs of a
 * model already measured start at once on the backend that won, instead of measuring for seconds.
 */
export function useBackendMemory(
  signature: string | null,
  measured: { backend: BackendName | null; figures: BackendFigures[] },
): BackendMemory {
  const [remembered, setRemembered] = useState<RememberedBackend | null>(null);
  // Read after mounting: the server render has no localStorage.
  useEffect(() => setRemembered(signature ? readRemembered(window.localStorage, signature) : null), [signature]);
  const remember = useCallback(
    (backend: BackendName, figures: BackendFigures[]) => {
      if (!signature || figures.length < 2) return;
      const value: RememberedBackend = {
        backend,
        figures: figures.map((f) => ({ backend: f.backend, samplesPerSecond: f.samplesPerSecond, ...(f.error ? { error: f.error } : {}) })),
        measuredAt: new Date().toISOString(),
      };
      writeRemembered(window.localStorage, signature, value);
      setRemembered(value);
    },
    [signature],
  );
  const forget = useCallback(() => {
    if (signature) forgetRemembered(window.localStorage, signature);
    setRemembered(null);
  }, [signature]);
  // A run that measured several backends leaves its result for the next run of the same model.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per measurement
  useEffect(() => {
    if (measured.backend) remember(measured.backend, measured.figures);
  }, [measured.figures]);
  return { remembered, remember, forget };
}
