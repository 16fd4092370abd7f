'use client';

import { useEffect, useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { isFinal, type RunStatus } from '@/engine/train/run-lifecycle';
import * as trainingRoutes from '@/server/training/routes';
import { TrainingCharts } from './charts/TrainingCharts';
import { MetricsTable } from './MetricsTable';
import { ProgressBar } from './ProgressBar';
import { useRunEvents } from './useRunEvents';

/**
 * A run followed live (a server run, or a browser run trained elsewhere): status, progress with
 * time left, the curves, the final figures, and a cancel button for editors while it runs.
 */
export function RunLive({
  runId,
  canCancel,
  initialStatus,
  doneInMs,
  onEnd,
  phaseTwoFrom,
}: {
  runId: string;
  /** The 0-based epoch phase 2 of fine-tuning starts at, from the run's settings. */
  phaseTwoFrom?: number | null;
  canCancel: boolean;
  initialStatus: string;
  /** The run's recorded duration once it is known (the page may have watched only part of it). */
  doneInMs?: number | null;
  /** Called once when a run that was not over when the page opened ends. */
  onEnd?: () => void;
}) {
  const live = useRunEvents(runId, { status: initialStatus, totalEpochs: 0 });
  const ended = isFinal(live.status as RunStatus) && !isFinal(initialStatus as RunStatus);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the run ends
  useEffect(() => {
    if (ended) onEnd?.();
  }, [ended]);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const active = live.status === 'queued' || live.status === 'running';
  const cancel = async () => {
    setCancelling(true);
    const result = await call(trainingRoutes.cancelRun, { params: { runId } });
    if (!result.ok) {
      setError(result.message);
      setCancelling(false);
    }
  };
  return (
    <section className="run-live" aria-label="Live run" data-status={live.status}>
      <p className="run-live__status" role="status">
        <span className={`badge status-${live.status}`}>{live.status}</span>
        {live.backend ? <span className="muted small"> on {live.backend}</span> : null}
        {live.status === 'queued' ? <span className="muted small"> waiting for a free worker…</span> : null}
        {active && canCancel ? (
          <button type="button" className="button danger small" onClick={cancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel run'}
          </button>
        ) : null}
      </p>
      <ErrorNote message={error} />
      {live.state.status !== 'queued' ? <ProgressBar state={live.state} pace={live.batches} doneInMs={doneInMs} /> : null}
      <TrainingCharts batches={live.batches} epochs={live.epochs} revision={live.revision} phaseTwoFrom={phaseTwoFrom ?? null} />
      {live.finalMetrics ? <MetricsTable metrics={live.finalMetrics} testId="final-metrics" /> : null}
    </section>
  );
}
