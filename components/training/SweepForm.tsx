'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { type CallBody, call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import type { GraphDoc } from '@/engine/graph/schema';
import * as trainingRoutes from '@/server/training/routes';

type SweepBody = CallBody<typeof trainingRoutes.createSweep>;

interface Axis {
  id: number;
  setting: string;
  values: string;
}

let nextAxisId = 1;

const PLAIN: { setting: string; label: string; example: string }[] = [
  { setting: 'learningRate', label: 'Learning rate', example: '0.01, 0.003, 0.001' },
  { setting: 'batchSize', label: 'Batch size', example: '16, 32, 64' },
  { setting: 'epochs', label: 'Epochs', example: '5, 10' },
  { setting: 'optimizer', label: 'Optimizer', example: 'adam, sgd, rmsprop' },
];

/**
 * A grid over up to three settings — learning rate, batch size, epochs, optimizer, or the units of
 * one of the graph's Dense layers — each combination queued as a server run.
 */
export function SweepForm({
  projectId,
  versionNumber,
  graph,
  dataset,
  settings,
}: {
  projectId: string;
  versionNumber: number;
  graph: GraphDoc;
  dataset: SweepBody['dataset'];
  settings: SweepBody['settings'];
}) {
  const router = useRouter();
  const [axes, setAxes] = useState<Axis[]>([{ id: 0, setting: 'learningRate', values: '0.01, 0.003, 0.001' }]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dense = graph.nodes.filter((n) => n.type === 'dense');
  const options = [
    ...PLAIN,
    ...dense.map((n) => ({ setting: `units:${n.id}`, label: `Units of ${n.name ?? n.id}`, example: '16, 32, 64' })),
  ];
  const points = axes.reduce((n, a) => n * Math.max(1, parse(a.values).length), 1);
  const submit = async () => {
    setBusy(true);
    setError(null);
    const result = await call(trainingRoutes.createSweep, {
      params: { projectId },
      body: {
        versionNumber,
        dataset,
        settings,
        axes: axes.map((a) => ({ setting: a.setting, values: parse(a.values).map((v) => (a.setting === 'optimizer' ? v : Number(v))) })),
      },
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.push(`/projects/${projectId}/runs?sweep=${result.data.id}`);
  };
  return (
    <section className="sweep-form panel" aria-label="Sweep">
      <h3>Sweep</h3>
      <p className="muted small">Every combination of the values below becomes one server run; compare them on the Runs tab.</p>
      {axes.map((axis, i) => (
        <div className="sweep-form__axis" key={axis.id}>
          <select
            aria-label={`Setting ${i + 1}`}
            value={axis.setting}
            onChange={(e) => setAxes(axes.map((a, j) => (j === i ? { ...a, setting: e.target.value } : a)))}
          >
            {options.map((o) => (
              <option key={o.setting} value={o.setting}>
                {o.label}
              </option>
            ))}
          </select>
          <input
            aria-label={`Values of setting ${i + 1}`}
            value={axis.values}
            placeholder={options.find((o) => o.setting === axis.setting)?.example}
            onChange={(e) => setAxes(axes.map((a, j) => (j === i ? { ...a, values: e.target.value } : a)))}
          />
          {axes.length > 1 ? (
            <button type="button" className="button small" onClick={() => setAxes(axes.filter((_, j) => j !== i))}>
              Remove
            </button>
          ) : null}
        </div>
      ))}
      {axes.length < 3 ? (
        <button
          type="button"
          className="button small"
          onClick={() =>
            setAxes([
              ...axes,
              {
                id: nextAxisId++,
                setting: options.find((o) => !axes.some((a) => a.setting === o.setting))?.setting ?? 'batchSize',
                values: '',
              },
            ])
          }
        >
          Add a setting
        </button>
      ) : null}
      <ErrorNote message={error} />
      <button type="button" className="button primary" disabled={busy || points === 0} onClick={submit}>
        {busy ? 'Queueing…' : `Queue ${points} run${points === 1 ? '' : 's'} on the server`}
      </button>
    </section>
  );
}

function parse(values: string): string[] {
  return values
    .split(/[,\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}
