'use client';

import './predict.css';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { BatchPredict } from './BatchPredict';
import { ImagePredict } from './ImagePredict';
import { PredictToken } from './PredictToken';
import { RowPredict } from './RowPredict';
import type { RunInput } from './types';

/** The Predict tab: pick a finished run, then classify an image, a camera frame, a typed row or a batch. */
export function PredictWorkbench({
  projectId,
  runs,
  input,
}: {
  projectId: string;
  runs: { id: string; label: string }[];
  input: RunInput | null;
}) {
  const router = useRouter();
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);

  if (runs.length === 0 || !input) {
    return (
      <p className="muted">No finished run with trained weights yet: train the network first (Train tab), then predict with it here.</p>
    );
  }
  const width = input.featureShape.reduce((a, b) => a * b, 1);
  return (
    <div className="stack">
      <section className="panel">
        <label>
          Run{' '}
          <select
            aria-label="Run"
            value={input.runId}
            onChange={(e) => router.push(`/projects/${projectId}/predict?run=${encodeURIComponent(e.currentTarget.value)}`)}
          >
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <p className="muted small">
          Trained on {input.datasetName}: {input.kind === 'image' ? `${input.featureShape.join('×')} images` : `rows of ${width} values`}
          {input.classes ? `, ${input.classes.length} classes` : ''}.
          {input.kind === 'image' ? ' Any image is resized and converted to match, as in training.' : ''}
        </p>
      </section>
      <section className="panel" aria-label="Classify one">
        <h2>{input.kind === 'image' ? 'An image' : 'A row'}</h2>
        {input.kind === 'image' ? (
          <ImagePredict key={input.runId} runId={input.runId} />
        ) : (
          <RowPredict key={input.runId} runId={input.runId} width={width} />
        )}
      </section>
      <section className="panel" aria-label="Classify a batch">
        <h2>A batch</h2>
        <BatchPredict key={input.runId} input={input} />
      </section>
      <section className="panel" aria-label="Predict API">
        <h2>From an application</h2>
        <PredictToken projectId={projectId} runId={input.runId} origin={origin} />
      </section>
    </div>
  );
}
