'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { call } from '@/components/ui/api';
import * as trainingRoutes from '@/server/training/routes';
import type { Sweep } from '@/server/training/schemas';
import { LineChart } from './charts/LineChart';
import { COLORS } from './charts/TrainingCharts';
import { formatMetric, metricWords } from './MetricsTable';
import { settingWords, sweepChart } from './sweep-chart';

const RESULT_KEYS = ['testAccuracy', 'valAccuracy', 'accuracy', 'testLoss', 'valLoss', 'loss', 'testMae', 'valMae'];

/** The value a grid point gave a setting, from the run's label (`learningRate=0.01, batchSize=32`). */
function pointValues(label: string): Record<string, string> {
  return Object.fromEntries(
    label
      .split(', ')
      .map((part) => part.split('='))
      .filter((kv) => kv.length === 2) as [string, string][],
  );
}

/**
 * One sweep: a table with a row per grid point (its settings, status and final figures) and a chart
 * of the final figures along the grid. Refreshes itself while runs are still going.
 */
export function SweepResults({ projectId, sweep: initial, open }: { projectId: string; sweep: Sweep; open: boolean }) {
  const [sweep, setSweep] = useState(initial);
  const active = sweep.runs.some((r) => r.status === 'queued' || r.status === 'running');
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      const r = await call(trainingRoutes.getSweep, { params: { projectId, sweepId: sweep.id } });
      if (r.ok) setSweep(r.data);
    }, 3000);
    return () => clearInterval(timer);
  }, [active, projectId, sweep.id]);

  const settings = sweep.axes.map((a) => a.setting);
  const keys = RESULT_KEYS.filter((k) => sweep.runs.some((r) => r.finalMetrics?.[k] !== undefined));
  const done = sweep.runs.filter((r) => r.status === 'completed').length;
  const chartKey = keys[0];
  const chart = chartKey
    ? sweepChart({ axes: sweep.axes, runs: sweep.runs.map((r) => ({ values: pointValues(r.label), figures: r.finalMetrics })) }, chartKey)
    : null;
  return (
    <details className="sweep" open={open} data-testid={`sweep-${sweep.id}`}>
      <summary>
        {settings.join(' × ')} on {sweep.dataset} (v{sweep.versionNumber}) — {done} of {sweep.runs.length} done
      </summary>
      <table className="runs-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            {settings.map((s) => (
              <th key={s} scope="col">
                {settingWords(s)}
              </th>
            ))}
            <th scope="col">Status</th>
            {keys.map((k) => (
              <th key={k} scope="col">
                {metricWords(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sweep.runs.map((r, i) => {
            const values = pointValues(r.label);
            return (
              <tr key={r.id}>
                <td>
                  <Link href={`/projects/${projectId}/runs/${r.id}`}>{i + 1}</Link>
                </td>
                {settings.map((s) => (
                  <td key={s}>{values[s] ?? '–'}</td>
                ))}
                <td>
                  <span className={`badge status-${r.status}`}>{r.status}</span>
                </td>
                {keys.map((k) => (
                  <td key={k}>{r.finalMetrics?.[k] !== undefined ? formatMetric(k, r.finalMetrics[k] as number) : '–'}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {chart && chartKey ? (
        <LineChart
          title={`${metricWords(chartKey)} by ${chart.xLabel.toLowerCase()}`}
          testId="sweep-chart"
          x={chart.x}
          xLabel={chart.xLabel}
          {...(chart.xTicks ? { xTicks: chart.xTicks } : {})}
          xLog={chart.xLog}
          yLabel={metricWords(chartKey)}
          series={chart.series.map((line, i) => ({
            label: line.label,
            values: line.values,
            color: COLORS[i % COLORS.length] as string,
            points: true,
            width: 2,
          }))}
          revision={done}
          height={200}
        />
      ) : null}
    </details>
  );
}
