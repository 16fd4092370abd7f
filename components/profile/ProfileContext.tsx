'use client';

import './profile.css';
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useSyncExternalStore } from 'react';
import { useEditorState } from '@/components/editor/EditorContext';
import type { EditorStore } from '@/components/editor/store';
import { readRemembered } from '@/components/training/backend-memory';
import type { Analysis } from '@/engine/analysis/types';
import type { BackendName } from '@/engine/backends';
import { modelSignature } from '@/engine/train/model-signature';
import { type LayerFigure, layerFigures } from './profile-figures';
import { PROFILE_OFF, type ProfileState, profileReducer } from './profile-lifecycle';
import { createProfileNodeStore, type NodeProfile, type ProfileNodeStore } from './profile-node-store';
import type { FromProfileWorker, ProfileStart } from './profile-protocol';
import { problemWords } from './profile-words';

/** Samples per timed batch: the training batch size, capped so a large network is measured in seconds. */
export const PROFILE_MAX_BATCH = 16;
/** Activation memory one timed batch may take: a 224×224 network is timed on a batch of one. */
const PROFILE_BATCH_BYTES = 64 * 1024 * 1024;
/** Timed repeats per layer after the warm-up; the median is shown. */
export const PROFILE_REPEATS = 3;

export interface ProfileUi {
  state: ProfileState;
  /** The figures by node, or null while there are none. */
  figures: ReadonlyMap<string, LayerFigure> | null;
  /** True when the design changed after the figures were measured. */
  stale: boolean;
  start(): void;
  stop(): void;
  nodes: ProfileNodeStore;
}

const ProfileContext = createContext<ProfileUi | null>(null);
// Apart from the rest, so the layer nodes do not re-render on every progress message.
const NodesContext = createContext<ProfileNodeStore | null>(null);
const analysisOf = (s: { analysis: Analysis }) => s.analysis;
const NO_STORE = () => () => {};
const nothing = () => null;

/**
 * The editor's profile overlay: runs engine/inspect/profile-layers.ts in a worker of its own on the
 * backend the Train tab remembered for this design (wasm, else cpu, when nothing was measured yet),
 * and hands its figures to the canvas, the summary and the toolbar.
 */
export function ProfileProvider({ store, children }: { store: EditorStore; children: React.ReactNode }) {
  const [state, dispatch] = useReducer(profileReducer, PROFILE_OFF);
  const worker = useRef<Worker | null>(null);
  const analysis = useEditorState(analysisOf);
  const nodes = useMemo(createProfileNodeStore, []);
  const figures = useMemo(() => (state.status === 'done' ? layerFigures(state.rows) : null), [state]);
  const stale = state.status === 'done' && state.measured !== analysis;
  useEffect(() => nodes.set(figures, stale), [nodes, figures, stale]);

  const finish = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  const stop = useCallback(() => {
    finish();
    dispatch({ type: 'stop' });
  }, [finish]);
  const start = useCallback(() => {
    finish();
    const { doc, analysis: measured } = store.getState();
    const errors = measured.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) return dispatch({ type: 'fail', message: problemWords(errors, measured) });
    if (!doc.nodes.some((n) => n.type !== 'input')) return dispatch({ type: 'fail', message: 'Add a layer to the design to profile it.' });
    const trainBatch = doc.training?.batchSize ?? 32;
    const perSample = Math.max(1, measured.totals.activationBytes);
    const batchSize = Math.max(1, Math.min(trainBatch, PROFILE_MAX_BATCH, Math.floor(PROFILE_BATCH_BYTES / perSample)));
    const remembered = readRemembered(window.localStorage, modelSignature(doc, trainBatch));
    const backends: BackendName[] = remembered ? [remembered.backend, 'wasm', 'cpu'] : ['wasm', 'cpu'];
    const w = new Worker(new URL('./profile.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<FromProfileWorker>) => {
      if (worker.current !== w) return;
      dispatch({ type: 'worker', message: event.data, measured });
      if (event.data.type === 'done' || event.data.type === 'error') finish();
    };
    w.onerror = () => {
      if (worker.current !== w) return;
      finish();
      dispatch({ type: 'fail', message: 'The profiling worker stopped unexpectedly. Profile again, or try a smaller design.' });
    };
    dispatch({ type: 'start', batchSize, measured });
    w.postMessage({
      type: 'start',
      doc,
      backends,
      batchSize,
      batches: PROFILE_REPEATS,
      wasmPath: '/vendor/tfjs-wasm/',
    } satisfies ProfileStart);
  }, [store, finish]);
  useEffect(() => finish, [finish]);

  const value = useMemo(() => ({ state, figures, stale, start, stop, nodes }), [state, figures, stale, start, stop, nodes]);
  return (
    <NodesContext.Provider value={nodes}>
      <ProfileContext.Provider value={value}>{children}</ProfileContext.Provider>
    </NodesContext.Provider>
  );
}

/** The overlay's state and actions, or null outside an editor that profiles (read-only canvases). */
export function useProfile(): ProfileUi | null {
  return useContext(ProfileContext);
}

/** One node's profile figures, re-rendering that node only when they change. */
export function useNodeProfile(nodeId: string): NodeProfile | null {
  const nodes = useContext(NodesContext);
  return useSyncExternalStore(nodes?.subscribe ?? NO_STORE, nodes ? () => nodes.forNode(nodeId) : nothing, nothing);
}
