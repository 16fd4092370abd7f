import type { Analysis } from '@/engine/analysis/types';
import type { EditorState } from './store';

/**
 * Wraps a selector whose result depends only on what the analysis depends on (layer types, params,
 * names, connections), so that moves — which keep the analysis object — return the very same result
 * and the panels reading it do not re-render during a drag.
 */
export function perAnalysis<T>(select: (state: EditorState) => T): (state: EditorState) => T {
  const cache = new WeakMap<Analysis, T>();
  return (state) => {
    if (cache.has(state.analysis)) return cache.get(state.analysis) as T;
    const value = select(state);
    cache.set(state.analysis, value);
    return value;
  };
}
