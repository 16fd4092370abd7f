'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { call } from '@/components/ui/api';
import * as commentRoutes from '@/server/comments/routes';
import type { Thread } from '@/server/comments/schemas';

/** A project's comment threads: loaded once, refreshed after each write; the open ones counted per layer. */
export function useComments(projectId: string) {
  const [threads, setThreads] = useState<Thread[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const answer = await call(commentRoutes.listComments, { params: { projectId } });
    if (answer.ok) setThreads(answer.data.threads);
    setError(answer.ok ? null : answer.message);
  }, [projectId]);
  useEffect(() => void refresh(), [refresh]);

  /** Replaces one thread with the server's answer (the newest first for a new one). */
  const merge = useCallback((thread: Thread) => {
    setThreads((list) => (list.some((t) => t.id === thread.id) ? list.map((t) => (t.id === thread.id ? thread : t)) : [thread, ...list]));
  }, []);

  const add = useCallback(
    async (nodeId: string, text: string, parentId?: string): Promise<boolean> => {
      const answer = await call(commentRoutes.addComment, {
        params: { projectId },
        body: { nodeId, text, ...(parentId ? { parentId } : {}) },
      });
      if (answer.ok) merge(answer.data);
      setError(answer.ok ? null : answer.message);
      return answer.ok;
    },
    [projectId, merge],
  );

  const resolve = useCallback(
    async (threadId: string, resolved: boolean) => {
      const answer = await call(commentRoutes.resolveComment, { params: { projectId, commentId: threadId }, body: { resolved } });
      if (answer.ok) merge(answer.data);
      setError(answer.ok ? null : answer.message);
    },
    [projectId, merge],
  );

  const openCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const t of threads) if (!t.resolvedAt) counts.set(t.nodeId, (counts.get(t.nodeId) ?? 0) + 1);
    return counts;
  }, [threads]);

  return { threads, error, add, resolve, openCounts, refresh };
}
