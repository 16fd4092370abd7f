import type { WeightBadge } from '@/engine/train/weight-badges';

/**
 * The canvas's weights badges as a tiny external store: each layer subscribes to its own badge, so
 * a new map re-renders only the layers whose badge changed (a badge is a string: equal snapshots).
 */
export interface WeightBadgeStore {
  subscribe(listener: () => void): () => void;
  forNode(nodeId: string): WeightBadge | null;
  set(badges: ReadonlyMap<string, WeightBadge> | null): void;
}

export function createWeightBadgeStore(): WeightBadgeStore {
  let badges: ReadonlyMap<string, WeightBadge> | null = null;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forNode: (nodeId) => badges?.get(nodeId) ?? null,
    set(next) {
      badges = next;
      for (const listener of listeners) listener();
    },
  };
}
