'use client';

import './weights.css';
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { EditorStore } from '@/components/editor/store';
import { savedShapesByNode } from '@/engine/train/node-weights';
import { type WeightBadge, weightBadges } from '@/engine/train/weight-badges';
import { createWeightBadgeStore, type WeightBadgeStore } from './weight-badge-store';

const BadgeContext = createContext<WeightBadgeStore | null>(null);
const NO_STORE = () => () => {};
const nothing = () => null;

const WORDS: Record<WeightBadge, { text: string; title: string }> = {
  pretrained: { text: 'pretrained', title: 'Starts from the stored weights of this layer.' },
  fresh: { text: 'fresh', title: 'A new layer: starts from its initialisers.' },
  shape_changed: { text: 'shape changed', title: 'Its settings changed since the weights were stored: starts fresh.' },
};

/** Stored weights as the badges compare them: their manifest and the node of each layer. */
export interface BadgeWeights {
  specs: readonly { name: string; shape: number[] }[];
  layerNodes: Record<string, string>;
}

/**
 * Gives the canvas below it a weights badge per layer, worked out from the editor's live analysis
 * against `weights` (none: no badges). Recomputed when the analysis changes, never per node.
 */
export function WeightBadgesProvider({
  store,
  weights,
  children,
}: {
  store: EditorStore;
  weights: BadgeWeights | null;
  children: React.ReactNode;
}) {
  const badges = useMemo(createWeightBadgeStore, []);
  const stored = useMemo(() => (weights ? savedShapesByNode(weights.specs, weights.layerNodes) : null), [weights]);
  useEffect(() => {
    if (!stored) {
      badges.set(null);
      return;
    }
    let analysis = store.getState().analysis;
    badges.set(weightBadges(analysis, stored));
    return store.subscribe(() => {
      const next = store.getState().analysis;
      if (next === analysis) return;
      analysis = next;
      badges.set(weightBadges(next, stored));
    });
  }, [store, stored, badges]);
  return <BadgeContext.Provider value={badges}>{children}</BadgeContext.Provider>;
}

/** The weights badge of one layer on the canvas, or nothing when the design has no stored weights. */
export function WeightBadgeTag({ nodeId }: { nodeId: string }) {
  const badges = useContext(BadgeContext);
  const badge = useSyncExternalStore(badges?.subscribe ?? NO_STORE, badges ? () => badges.forNode(nodeId) : nothing, nothing);
  if (!badge) return null;
  const words = WORDS[badge];
  return (
    <span className={`layer-node__tag weights-tag weights-tag--${badge}`} title={words.title} data-testid="weights-badge">
      {words.text}
    </span>
  );
}
