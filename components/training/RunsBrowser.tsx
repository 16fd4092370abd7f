'use client';

import './training.css';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as trainingRoutes from '@/server/training/routes';
import type { RunDetail, RunSummary, Sweep } from '@/server/training/schemas';
import { LineChart } from './charts/LineChart';
import { COLORS } from './charts/TrainingCharts';
import { formatMetric, metricWords } from './MetricsTable';
import { formatDuration } from './ProgressBar';
import { runKindWords, runName } from './run-name';
import { SweepResults } from './SweepResults';
import { settingLabel } from './setting-label';
import { settingsDiff } from './settings-diff';

type Run = Omit<RunSummary, 'createdAt'> & { createdAt: string };

const CURVE_METRICS = ['valLoss', 'loss', 'valAccuracy', 'accuracy', 'valMae', 'mae'];

/**
 * The Runs tab: every run of the project, filtered by status, place and dataset. Selecting runs
 * overlays their curves and lists the settings that differ; sweeps show their grid as a table and a
 * chart.
 */
export function RunsBrowser({
  projectId,
  initialRuns,
  sweeps,
  openSweep,
}: {
  projectId: string;
  initialRuns: Run[];
  sweeps: Sweep[];
  openSweep: string | null;
}) {
  const [runs, setRuns] = useState<Run[]>(initialRuns);
  const [filter, setFilter] = useState({ status: '', place: '', dataset: '' });
  const [selected, setSelected] = useState<string[]>([]);
  const [details, setDetails] = useState<Record<string, RunDetail>>({});
  const [metric, setMetric] = useState('valLoss');
  const [allSettings, setAllSettings] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const datasets = useMemo(() => [...new Set(initialRuns.map((r) => r.dataset))], [initialRuns]);

  const load = useCallback(async () => {
    const query = {
      status: (filter.status || undefined) as RunSummary['status'] | undefined,
      place: (filter.place || undefined) as RunSummary['place'] | undefined,
      dataset: filter.dataset || undefined,
    };
    const result = await call(trainingRoutes.listRuns, { params: { projectId }, query });
    if (result.ok) setRuns(result.data.runs);
    else setError(result.message);
  }, [filter, projectId]);

  useEffect(() => {
    void load();
  }, [load]);
  // Keep queued and running runs fresh.
  useEffect(() => {
    if (!runs.some((r) => r.status === 'queued' || r.status === 'running')) return;
    const timer = setInterval(() => void load(), 3000);
    return () => clearInterval(timer);
  }, [runs, load]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fetch details when the selection or the list changes, not when they arrive
  useEffect(() => {
    for (const id of selected) {
      if (details[id] && details[id].status !== 'running' && details[id].status !== 'queued') continue;
      void call(trainingRoutes.getRun, { params: { runId: id } }).then((r) => r.ok && setDetails((d) => ({ ...d, [id]: r.data })));
    }
  }, [selected, runs]);

  const chosen = selected.map((id) => details[id]).filter((d): d is RunDetail => Boolean(d));
  const maxEpochs = Math.max(0, ...chosen.map((d) => (d.epochs.length ? (d.epochs[d.epochs.length - 1]?.epoch ?? 0) + 1 : 0)));
  const x = Array.from({ length: maxEpochs }, (_, i) => i + 1);
  const series = chosen.map((d, i) => {
    const values = new Array<number | null>(maxEpochs).fill(null);
    for (const e of d.epochs) values[e.epoch] = e.metrics[metric] ?? null;
    return { label: runName(d), values, color: COLORS[i % COLORS.length] as string, points: true, width: 2 };
  });
  const metricsSeen = [...new Set(chosen.flatMap((d) => Object.keys(d.epochs[0]?.metrics ?? {})))].filter((m) => m !== 'samplesPerSecond');
  const diff = settingsDiff(chosen, !allSettings);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  return (
    <div className="runs-page" data-hydrated="true">
      <section className="panel" aria-label="Runs">
        <div className="runs-filters">
          <div className="field">
            <label htmlFor="filter-status">Status</label>
            <select id="filter-status" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value })}>
              <option value="">any</option>
              {['queued', 'running', 'completed', 'failed', 'cancelled'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-place">Where</label>
            <select id="filter-place" value={filter.place} onChange={(e) => setFilter({ ...filter, place: e.target.value })}>
              <option value="">anywhere</option>
              <option value="browser">browser</option>
              <option value="server">server</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-dataset">Dataset</label>
            <select id="filter-dataset" value={filter.dataset} onChange={(e) => setFilter({ ...filter, dataset: e.target.value })}>
              <option value="">any</option>
              {datasets.map((d) => (
                <option key={d} value={d.startsWith('builtin:') ? d : d.replace(/ v\d+$/, '')}>
                  {d}
                </option>
              ))}
            </select>
          </div>
          <span className="muted small">Select runs to compare their curves and settings.</span>
        </div>
        <ErrorNote message={error} />
        {runs.length === 0 ? (
          <p className="empty">
            No runs yet. <Link href={`/projects/${projectId}/train`}>Train the model</Link> to make one.
          </p>
        ) : (
          <table className="runs-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">Compare</span>
                </th>
                <th scope="col">Run</th>
                <th scope="col">Kind</th>
                <th scope="col">Dataset</th>
                <th scope="col">Where</th>
                <th scope="col">Status</th>
                <th scope="col">Epochs</th>
                <th scope="col">Result</th>
                <th scope="col">Wall time</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => {
                const f = r.finalMetrics ?? {};
                const key = ['testAccuracy', 'valAccuracy', 'accuracy', 'testLoss', 'valLoss', 'loss'].find((k) => f[k] !== undefined);
                return (
                  <tr key={r.id} className={selected.includes(r.id) ? 'selected' : undefined}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Compare ${runName(r)}`}
                        checked={selected.includes(r.id)}
                        onChange={() => toggle(r.id)}
                      />
                    </td>
                    <td>
                      <Link href={`/projects/${projectId}/runs/${r.id}`}>{runName(r)}</Link>
                    </td>
                    <td>{runKindWords(r)}</td>
                    <td>{r.dataset}</td>
                    <td>
                      {r.place}
                      {r.backend ? <span className="muted"> · {r.backend}</span> : null}
                    </td>
                    <td>
                      <span className={`badge status-${r.status}`}>{r.status}</span>
                    </td>
                    <td>{r.epochsDone}</td>
                    <td>{key ? `${metricWords(key)} ${formatMetric(key, f[key] as number)}` : '–'}</td>
                    <td>{r.wallTimeMs !== null ? formatDuration(r.wallTimeMs) : '–'}</td>
                    <td className="muted">{new Date(r.createdAt).toLocaleString()}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {chosen.length > 0 ? (
        <section className="panel" aria-label="Comparison">
          <h2>
            Comparing {chosen.length} run{chosen.length === 1 ? '' : 's'}
          </h2>
          <div className="field" style={{ maxWidth: 260 }}>
            <label htmlFor="compare-metric">Curve</label>
            <select id="compare-metric" value={metric} onChange={(e) => setMetric(e.target.value)}>
              {[...new Set([...CURVE_METRICS.filter((m) => metricsSeen.includes(m)), ...metricsSeen])].map((m) => (
                <option key={m} value={m}>
                  {metricWords(m)}
                </option>
              ))}
            </select>
          </div>
          <LineChart
            title={`${metricWords(metric)} per epoch`}
            testId="compare-chart"
            x={x}
            series={series}
            xLabel="epoch"
            yLabel={metricWords(metric)}
            revision={chosen.length * 1000 + maxEpochs}
          />
          <h3>{allSettings ? 'All settings' : 'Settings that differ'}</h3>
          <label className="field__inline">
            <input type="checkbox" checked={allSettings} onChange={(e) => setAllSettings(e.target.checked)} /> show all settings
          </label>
          {diff.length === 0 ? (
            <p className="muted">These runs used the same settings.</p>
          ) : (
            <table className="diff-table" data-testid="settings-diff">
              <thead>
                <tr>
                  <th scope="col">Setting</th>
                  {chosen.map((d) => (
                    <th key={d.id} scope="col">
                      {runName(d)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {diff.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{settingLabel(row.key)}</th>
                    {row.values.map((v, i) => (
                      <td key={chosen[i]?.id ?? i} className={row.differs ? 'differs' : undefined}>
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}

      {sweeps.length > 0 ? (
        <section className="panel" aria-label="Sweeps">
          <h2>Sweeps</h2>
          {sweeps.map((s) => (
            <SweepResults key={s.id} projectId={projectId} sweep={s} open={s.id === openSweep || sweeps.length === 1} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
