'use client';

import { useRef, useState } from 'react';
import type { ExportState } from './ExportDialog';
import type { ExportResult } from './export-files';

/**
 * The life of one checked export, for ExportDialog: `start` shows "Checking the export…" while
 * `make` builds and proves the files, then offers them (or says why it could not). An export closed
 * while it is still being checked is not reopened when its check ends.
 */
export function useCheckedExport() {
  const [state, setState] = useState<ExportState | null>(null);
  const current = useRef(0);
  const start = async (label: string, make: () => Promise<ExportResult>) => {
    const ticket = ++current.current;
    setState({ phase: 'checking', label });
    try {
      const result = await make();
      if (ticket === current.current) setState({ phase: 'ready', label, result });
    } catch (error) {
      if (ticket === current.current) setState({ phase: 'failed', label, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const close = () => {
    current.current++;
    setState(null);
  };
  return { state, start, close };
}
