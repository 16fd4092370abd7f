'use client';

import { useMemo, useState } from 'react';
import { secondMetric, TrainingCharts } from '@/components/training/charts/TrainingCharts';
import type { BatchPoint } from '@/components/training/protocol';
import type { EpochRecord } from '@/engine/train/epoch-record';
import { presenterOf } from '@/live/presence';
import type { TrainingShare } from '@/live/training-share';
import type { LiveRoom } from './useLiveRoom';
import './live.css';

const PHASE_WORDS: Record<TrainingShare['phase'], string> = {
  queued: 'queued on a server worker:',
  measuring: 'is measuring the fastest backend for',
  training: 'is training',
  saving: 'is saving',
  done: 'trained',
  error: 'could not finish',
};

/** A figure as people read it: accuracy-like figures in per cent. */
function figure(key: string, value: number): string {
  if (/accuracy|iou/i.test(key) && value <= 1) return `${(value * 100).toFixed(1)} %`;
  return value.toPrecision(3);
}

/**
 * The presenter's training run as everyone else in the room sees it: how far it is, the newest
 * figures, and the curves, as they come (shared through the room's presence, so within a fraction
 * of a second of the presenter's own screen). Nothing shows when nobody presents a run.
 */
export function PresenterTraining({ live }: { live: LiveRoom }) {
  const [open, setOpen] = useState(true);
  const presenter = presenterOf(live.peers);
  const run = live.presenting ? null : (presenter?.training ?? null);
  // The shared records become the chart's own kinds; `revision` is the number of points shown.
  const { batches, epochs, revision } = useMemo(() => {
    const batchPoints: BatchPoint[] = (run?.batches ?? []).map((b) => ({
      step: b.step,
      epoch: 0,
      batch: 0,
      batches: 0,
      metrics: b.metrics,
      at: 0,
    }));
    const epochRecords: EpochRecord[] = (run?.epochs ?? []).map((e) => ({
      epoch: e.epoch,
      metrics: e.metrics,
      learningRate: 0,
      seconds: 0,
      samplesPerSecond: 0,
    }));
    return {
      batches: batchPoints,
      epochs: epochRecords,
      revision: batchPoints.length * 100_000 + epochRecords.length + (run?.batches.at(-1)?.step ?? 0),
    };
  }, [run]);
  if (!presenter || !run) return null;
  const last = run.epochs.at(-1);
  const metric = last ? secondMetric(Object.keys(last.metrics)) : null;
  return (
    <section className="presenter-training" aria-label={`${presenter.user.name}'s training`} data-testid="presenter-training">
      <header className="presenter-training__head">
        <span className="present-bar__person" style={{ background: presenter.user.color }}>
          {presenter.user.name}
        </span>
        <span>
          {PHASE_WORDS[run.phase]} <strong>{run.label}</strong>
        </span>
        {run.totalEpochs > 0 ? (
          <span data-testid="presenter-training-epoch">
            epoch {run.epoch} of {run.totalEpochs}
          </span>
        ) : null}
        {last ? (
          <span className="presenter-training__figures">
            loss {figure('loss', last.metrics.loss ?? Number.NaN)}
            {metric && last.metrics[metric] !== undefined ? ` · ${metric} ${figure(metric, last.metrics[metric] as number)}` : ''}
          </span>
        ) : null}
        <span className="present-bar__spacer" />
        <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? 'Hide curves' : 'Show curves'}
        </button>
      </header>
      {open ? <TrainingCharts batches={batches} epochs={epochs} revision={revision} /> : null}
    </section>
  );
}
