import type { LayerFigure } from './profile-figures';

/** One node's figures as the canvas shows them, marked stale once the design changed after measuring. */
export interface NodeProfile extends LayerFigure {
  stale: boolean;
}

/**
 * The overlay's per-node figures as a tiny external store: each layer subscribes to its own entry,
 * and an entry keeps its identity until a new profile (or staleness) replaces it, so unchanged
 * snapshots never re-render a node.
 */
export interface ProfileNodeStore {
  subscribe(listener: () => void): () => void;
  forNode(nodeId: string): NodeProfile | null;
  set(figures: ReadonlyMap<string, LayerFigure> | null, stale: boolean): void;
}

export function createProfileNodeStore(): ProfileNodeStore {
  let entries = new Map<string, NodeProfile>();
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forNode: (nodeId) => entries.get(nodeId) ?? null,
    set(figures, stale) {
      entries = new Map([...(figures ?? [])].map(([id, f]) => [id, { ...f, stale }]));
      for (const listener of listeners) listener();
    },
  };
}
