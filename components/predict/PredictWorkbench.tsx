'use client';

import { RunPicker } from '@/components/workspace/RunPicker';
import './predict.css';
import { useEffect, useState } from 'react';
import { BatchPredict } from './BatchPredict';
import { ImagePredict } from './ImagePredict';
import { PredictToken } from './PredictToken';
import { RowPredict } from './RowPredict';
import { TextPredict } from './TextPredict';
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
        <RunPicker projectId={projectId} tab="predict" runs={runs} runId={input.runId} />
        <p className="muted small">
          Trained on {input.datasetName}:{' '}
          {input.kind === 'image'
            ? `${input.featureShape.join('×')} images`
            : input.kind === 'text'
              ? `texts read as ${width} word ids`
              : `rows of ${width} values`}
          {input.classes ? `, ${input.classes.length} classes` : ''}.
          {input.kind === 'image' ? ' Any image is resized and converted to match, as in training.' : ''}
        </p>
      </section>
      <section className="panel" aria-label="Classify one">
        <h2>{input.kind === 'image' ? 'An image' : input.kind === 'text' ? 'A text' : 'A row'}</h2>
        {input.kind === 'image' ? (
          <ImagePredict key={input.runId} runId={input.runId} />
        ) : input.kind === 'text' ? (
          <TextPredict key={input.runId} runId={input.runId} length={width} />
        ) : (
          <RowPredict key={input.runId} runId={input.runId} width={width} />
        )}
      </section>
      {input.kind === 'text' ? null : (
        <section className="panel" aria-label="Classify a batch">
          <h2>A batch</h2>
          <BatchPredict key={input.runId} input={input} />
        </section>
      )}
      <section className="panel" aria-label="Predict API">
        <h2>From an application</h2>
        <PredictToken projectId={projectId} runId={input.runId} origin={origin} />
      </section>
    </div>
  );
}
