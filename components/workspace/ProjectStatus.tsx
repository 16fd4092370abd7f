'use client';

import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

/** What the project header shows about the document being edited. */
export interface ProjectStatusValue {
  /** The newest saved version. */
  head: number | null;
  /** The editor has changes that are not saved as a version. */
  dirty: boolean;
  saving: boolean;
  /** When the last save of this tab happened (ms since the epoch). */
  savedAt: number | null;
}

interface ProjectStatusContext {
  status: ProjectStatusValue;
  /** The editor reports its state; pages without an editor leave the defaults. */
  publish(patch: Partial<ProjectStatusValue>): void;
}

const Context = createContext<ProjectStatusContext | null>(null);

/** Shares the editor's save state with the project header (they live in different parts of the page). */
export function ProjectStatusProvider({ head, children }: { head: number | null; children: ReactNode }) {
  const [status, setStatus] = useState<ProjectStatusValue>({ head, dirty: false, saving: false, savedAt: null });
  const value = useMemo<ProjectStatusContext>(
    () => ({
      status,
      publish: (patch) =>
        setStatus((s) => {
          const next = { ...s, ...patch };
          return (Object.keys(next) as (keyof ProjectStatusValue)[]).every((k) => next[k] === s[k]) ? s : next;
        }),
    }),
    [status],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useProjectStatus(): ProjectStatusContext {
  const value = useContext(Context);
  if (!value) return { status: { head: null, dirty: false, saving: false, savedAt: null }, publish: () => {} };
  return value;
}
