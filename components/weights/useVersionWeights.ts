'use client';

import { useEffect, useState } from 'react';
import { call } from '@/components/ui/api';
import * as weightRoutes from '@/server/weights/routes';
import type { VersionWeights } from '@/server/weights/schemas';

/**
 * A saved version's weights (null: it has none), read once per version; `refresh` bumps it after
 * an upload. `undefined` while loading or without a version.
 */
export function useVersionWeights(
  projectId: string,
  versionNumber: number | null,
  refresh = 0,
): { weights: VersionWeights | null | undefined; error: string | null } {
  const [state, setState] = useState<{ key: string; weights: VersionWeights | null; error: string | null } | null>(null);
  const key = `${projectId}/${versionNumber}/${refresh}`;
  useEffect(() => {
    if (!versionNumber) return;
    let live = true;
    void call(weightRoutes.versionWeights, { params: { projectId, number: versionNumber } }).then((r) => {
      if (live) setState({ key, weights: r.ok ? r.data.weights : null, error: r.ok ? null : r.message });
    });
    return () => {
      live = false;
    };
  }, [projectId, versionNumber, key]);
  return state?.key === key ? { weights: state.weights, error: state.error } : { weights: undefined, error: null };
}
