'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { LayerOutput } from '@/engine/inspect/layer-outputs';
import type { FromGraphModelWorker, GraphModelInput, ToGraphModelWorker } from './graph-model-protocol';

type Opened = Extract<FromGraphModelWorker, { type: 'opened' }>;
type Problem = { message: string; hint?: string };

/** The graph model page's state: the model being opened or open, the newest prediction and activation, and problems in words. */
export interface GraphModelState {
  opening: boolean;
  opened: Opened | null;
  openError: Problem | null;
  predicting: boolean;
  prediction: { input: LayerOutput; outputs: LayerOutput[]; ms: number } | null;
  predictError: Problem | null;
  activation: { output: LayerOutput; ms: number } | null;
  activationError: Problem | null;
}

const EMPTY: GraphModelState = {
  opening: false,
  opened: null,
  openError: null,
  predicting: false,
  prediction: null,
  predictError: null,
  activation: null,
  activationError: null,
};

/** The worker that opens and runs one graph model at a time (graph-model.worker.ts). */
export function useGraphModelWorker() {
  const worker = useRef<Worker | null>(null);
  // Predictions and activations count apart: choosing a node while a prediction runs must not drop its answer.
  const next = useRef({ predict: 0, activation: 0 });
  const [state, setState] = useState<GraphModelState>(EMPTY);

  useEffect(() => {
    const w = new Worker(new URL('./graph-model.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<FromGraphModelWorker>) => {
      const m = event.data;
      // Only the newest request of each kind counts: an older answer arriving late is dropped.
      const kind = m.type === 'predicted' || (m.type === 'error' && m.stage === 'predict') ? 'predict' : 'activation';
      if ('id' in m && m.id !== undefined && m.id !== next.current[kind]) return;
      setState((s) => {
        if (m.type === 'opened') return { ...EMPTY, opened: m };
        if (m.type === 'predicted') return { ...s, predicting: false, predictError: null, prediction: m };
        if (m.type === 'activation') return { ...s, activation: { output: m.output, ms: m.ms }, activationError: null };
        const problem = { message: m.message, ...(m.hint ? { hint: m.hint } : {}) };
        if (m.stage === 'open') return { ...EMPTY, openError: problem };
        if (m.stage === 'predict') return { ...s, predicting: false, predictError: problem };
        return { ...s, activationError: problem };
      });
    };
    w.onerror = (e) =>
      setState((s) => ({
        ...s,
        opening: false,
        predicting: false,
        openError: { message: e.message || 'The model worker stopped unexpectedly.' },
      }));
    return () => w.terminate();
  }, []);

  const open = useCallback((files: File[]) => {
    setState({ ...EMPTY, opening: true });
    worker.current?.postMessage({ type: 'open', files, wasmPath: '/vendor/tfjs-wasm/' } satisfies ToGraphModelWorker);
  }, []);

  const predict = useCallback((input: GraphModelInput) => {
    next.current.predict += 1;
    setState((s) => ({ ...s, predicting: true, predictError: null, activation: null, activationError: null }));
    worker.current?.postMessage({ type: 'predict', id: next.current.predict, input } satisfies ToGraphModelWorker);
  }, []);

  const activate = useCallback((node: string) => {
    next.current.activation += 1;
    worker.current?.postMessage({ type: 'activation', id: next.current.activation, node } satisfies ToGraphModelWorker);
  }, []);

  return { state, open, predict, activate };
}
