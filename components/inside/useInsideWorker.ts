'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { LayerOutput } from '@/engine/inspect/layer-outputs';
import type { FromInsideWorker, ToInsideWorker } from './inside-protocol';

/** The inference worker of the Inside tab for one run's network: loading, the newest sample's outputs, and errors in words. */
export function useInsideWorker(modelUrl: string) {
  const worker = useRef<Worker | null>(null);
  const next = useRef(0);
  const [ready, setReady] = useState<{ backend: string; inputShape: number[] } | null>(null);
  const [outputs, setOutputs] = useState<{ id: number; outputs: LayerOutput[]; ms: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const w = new Worker(new URL('./inside.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<FromInsideWorker>) => {
      const m = event.data;
      if (m.type === 'loaded') setReady({ backend: m.backend, inputShape: m.inputShape });
      else if (m.type === 'outputs') {
        // Only the newest sample counts: an older answer arriving late is dropped.
        if (m.id === next.current) setOutputs({ id: m.id, outputs: m.outputs, ms: m.ms });
        setError(null);
      } else setError(m.message);
    };
    w.onerror = (e) => setError(e.message || 'The inference worker stopped unexpectedly.');
    w.postMessage({ type: 'load', modelUrl, wasmPath: '/vendor/tfjs-wasm/' } satisfies ToInsideWorker);
    return () => w.terminate();
  }, [modelUrl]);

  const run = useCallback((sample: Float32Array) => {
    next.current += 1;
    worker.current?.postMessage({ type: 'run', id: next.current, sample } satisfies ToInsideWorker, [sample.buffer]);
  }, []);

  return { ready, outputs, error, run };
}
