'use client';

import { useEffect, useReducer, useRef, useState } from 'react';
import { urlOf } from '@/components/ui/api';
import type { EpochRecord } from '@/engine/train/epoch-record';
import { type RunEvent as LifecycleEvent, QUEUED, type RunState, runTransition } from '@/engine/train/run-lifecycle';
import * as trainingRoutes from '@/server/training/routes';
import type { BatchPoint } from './protocol';

/** An event as GET /api/runs/:runId/events sends it (server/training/schemas.ts RunEventSchema). */
type ServerEvent =
  | { type: 'status'; status: string; backend?: string | null; error?: string | null }
  | { type: 'epoch'; epoch: { epoch: number; metrics: Record<string, number>; learningRate: number; seconds: number } }
  | { type: 'progress'; epoch: number; batch: number; batches: number; totalEpochs: number; metrics: Record<string, number> }
  | { type: 'finished'; status: string; finalMetrics: Record<string, number> | null };

export interface RunEvents {
  state: RunState;
  status: string;
  backend: string | null;
  epochs: EpochRecord[];
  batches: BatchPoint[];
  finalMetrics: Record<string, number> | null;
  revision: number;
  connected: boolean;
}

/**
 * Follows a run live through Server-Sent Events: what was recorded so far first, then each batch's
 * progress and each epoch as the worker (or another browser) reports them, until the run ends.
 * EventSource reconnects by itself; epochs arriving twice are counted once.
 */
export function useRunEvents(
  runId: string | null,
  initial: { status: string; totalEpochs: number } = { status: 'queued', totalEpochs: 0 },
): RunEvents {
  const [state, dispatch] = useReducer(
    (s: RunState, e: LifecycleEvent | { type: 'reset' }) => (e.type === 'reset' ? QUEUED : runTransition(s, e)),
    QUEUED,
  );
  const [status, setStatus] = useState(initial.status);
  const [backend, setBackend] = useState<string | null>(null);
  const [finalMetrics, setFinalMetrics] = useState<Record<string, number> | null>(null);
  const [revision, setRevision] = useState(0);
  const [connected, setConnected] = useState(false);
  const epochs = useRef<EpochRecord[]>([]);
  const batches = useRef<BatchPoint[]>([]);
  const totalEpochs = useRef(initial.totalEpochs);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one stream per run
  useEffect(() => {
    if (!runId) return;
    epochs.current = [];
    batches.current = [];
    dispatch({ type: 'reset' });
    let started = false;
    const source = new EventSource(urlOf(trainingRoutes.runEvents, { params: { runId } }));
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.onmessage = (message) => {
      const event = JSON.parse(message.data) as ServerEvent;
      const at = performance.now();
      if (event.type === 'status') {
        setStatus(event.status);
        if (event.backend) setBackend(event.backend);
      } else if (event.type === 'progress') {
        totalEpochs.current = event.totalEpochs;
        if (!started) {
          started = true;
          dispatch({
            type: 'start',
            backend: backend ?? 'wasm',
            totalEpochs: event.totalEpochs,
            batchesPerEpoch: event.batches,
            initialEpoch: epochs.current.length,
            at,
          });
        }
        dispatch({ type: 'batch', batch: event.batch, batchesPerEpoch: event.batches, at });
        batches.current.push({
          step: event.epoch * event.batches + event.batch,
          epoch: event.epoch,
          batch: event.batch - 1,
          batches: event.batches,
          metrics: event.metrics,
          at,
        });
        setStatus('running');
        setRevision((r) => r + 1);
      } else if (event.type === 'epoch') {
        if (epochs.current.some((e) => e.epoch === event.epoch.epoch)) return;
        const metrics = event.epoch.metrics;
        epochs.current.push({ ...event.epoch, samplesPerSecond: metrics.samplesPerSecond ?? 0 });
        epochs.current.sort((a, b) => a.epoch - b.epoch);
        dispatch({ type: 'epoch', epoch: event.epoch.epoch, metrics, at });
        setRevision((r) => r + 1);
      } else if (event.type === 'finished') {
        setStatus(event.status);
        setFinalMetrics(event.finalMetrics);
        // A run that ended before this stream opened sends its epochs and its end only: start it first,
        // so it reads as done (with its duration) rather than as still queued.
        if (!started && event.status === 'completed') {
          started = true;
          const done = epochs.current.length;
          dispatch({ type: 'start', backend: backend ?? 'wasm', totalEpochs: done, batchesPerEpoch: 0, initialEpoch: done, at });
        }
        if (event.status === 'completed') dispatch({ type: 'complete', final: event.finalMetrics ?? {}, at });
        else if (event.status === 'cancelled') dispatch({ type: 'cancel' });
        else dispatch({ type: 'fail', error: 'failed' });
        source.close();
        setConnected(false);
      }
    };
    return () => source.close();
  }, [runId]);

  return { state, status, backend, epochs: epochs.current, batches: batches.current, finalMetrics, revision, connected };
}
