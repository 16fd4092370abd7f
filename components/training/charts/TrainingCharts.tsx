'use client';

import { useMemo } from 'react';
import type { EpochRecord } from '@/engine/train/epoch-record';
import type { BatchPoint } from '../protocol';
import { type ChartSeries, LineChart } from './LineChart';
import { PhaseFigures, phaseTwoEpoch } from './PhaseFigures';

export const COLORS = ['#3b5bdb', '#e8590c', '#2b8a3e', '#ae3ec9', '#c92a2a', '#1098ad', '#f08c00', '#5c940d'];

/** The second figure after the loss: accuracy, or mean absolute error for regression. */
export function secondMetric(keys: string[]): string | null {
  return keys.find((k) => k === 'accuracy') ?? keys.find((k) => k !== 'loss' && !k.startsWith('val') && k !== 'samplesPerSecond') ?? null;
}

const words = (key: string) =>
  key
    .replace(/^val([A-Z])/, (_, c: string) => `validation ${c.toLowerCase()}`)
    .replace(/^test([A-Z])/, (_, c: string) => `test ${c.toLowerCase()}`);

/**
 * Live curves of a run: per batch (the training loss and metric of every batch) and per epoch
 * (training and validation side by side). Loss on the left axis, the metric on the right. A run that
 * fine-tunes in two phases shows where phase 2 began and the figures of each phase.
 */
export function TrainingCharts({
  batches,
  epochs,
  revision,
  phaseTwoFrom,
}: {
  batches: BatchPoint[];
  epochs: EpochRecord[];
  revision: number;
  /** The 0-based epoch phase 2 of fine-tuning starts at, by the run's settings (records without phases). */
  phaseTwoFrom?: number | null;
}) {
  const phaseStart = phaseTwoEpoch(epochs, phaseTwoFrom);
  const metric = secondMetric(Object.keys(batches[0]?.metrics ?? epochs[0]?.metrics ?? {}));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the arrays grow in place; revision says when
  const perBatch = useMemo(() => {
    const x = batches.map((b) => b.step);
    const series: ChartSeries[] = [
      { label: 'training loss', values: batches.map((b) => b.metrics.loss ?? null), color: COLORS[0] as string, width: 1 },
    ];
    if (metric)
      series.push({
        label: `training ${metric}`,
        values: batches.map((b) => b.metrics[metric] ?? null),
        color: COLORS[2] as string,
        width: 1,
        scale: 'y2',
      });
    return { x, series };
  }, [revision, metric]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the arrays grow in place; revision says when
  const perEpoch = useMemo(() => {
    const x = epochs.map((e) => e.epoch + 1);
    const keys = ['loss', 'valLoss', ...(metric ? [metric, `val${metric[0]?.toUpperCase()}${metric.slice(1)}`] : [])];
    const series: ChartSeries[] = keys
      .filter((k) => epochs.some((e) => e.metrics[k] !== undefined))
      .map((k, i) => ({
        label: words(k),
        values: epochs.map((e) => e.metrics[k] ?? null),
        color: COLORS[[0, 1, 2, 3][i] ?? 0] as string,
        scale: k === 'loss' || k === 'valLoss' ? ('y' as const) : ('y2' as const),
        points: true,
        width: 2,
        ...(k.startsWith('val') ? { dash: [6, 4] } : {}),
      }));
    return { x, series };
  }, [revision, metric]);
  return (
    <div className="charts">
      {/* A finished run seen later has its epochs on record, not its batches. */}
      {batches.length > 0 ? (
        <LineChart
          title="Per batch"
          testId="chart-batches"
          x={perBatch.x}
          series={perBatch.series}
          xLabel="batch"
          yLabel="loss"
          {...(metric ? { y2Label: metric } : {})}
          revision={revision}
        />
      ) : null}
      <LineChart
        title="Per epoch (training solid, validation dashed)"
        testId="chart-epochs"
        x={perEpoch.x}
        series={perEpoch.series}
        xLabel="epoch"
        yLabel="loss"
        {...(metric ? { y2Label: metric } : {})}
        revision={revision}
        // Epochs are drawn 1-based: the line sits between the last epoch of phase 1 and the first of phase 2.
        marker={phaseStart === null ? null : { x: phaseStart + 0.5, label: 'phase 2' }}
      />
      {phaseStart === null ? null : <PhaseFigures epochs={epochs} start={phaseStart} />}
    </div>
  );
}
