'use client';

import './comments.css';
import { createContext, useContext } from 'react';

/** Open comment threads per layer (node id), for the badges on the canvas. Empty outside a project. */
const CommentCountsContext = createContext<ReadonlyMap<string, number>>(new Map());

export const CommentCountsProvider = CommentCountsContext.Provider;

/** How many open threads a layer has (0 when none, or outside a project). */
export function useCommentCount(nodeId: string): number {
  return useContext(CommentCountsContext).get(nodeId) ?? 0;
}

/** The badge a layer with open threads carries on the canvas. */
export function CommentBadge({ nodeId }: { nodeId: string }) {
  const count = useCommentCount(nodeId);
  if (count === 0) return null;
  return (
    <span
      className="node-badge node-badge--comments"
      data-testid="comment-badge"
      data-count={count}
      role="img"
      aria-label={`${count} open comment thread${count === 1 ? '' : 's'}`}
      title={`${count} open comment thread${count === 1 ? '' : 's'} (Comments tab)`}
    >
      {count}
    </span>
  );
}
