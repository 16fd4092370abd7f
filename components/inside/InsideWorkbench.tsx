'use client';

import { RunPicker } from '@/components/workspace/RunPicker';
import './inside.css';
import { useCallback, useState } from 'react';
import type { DatasetLocation } from '@/components/datasets/dataset-endpoints';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { isSpatial } from '@/engine/inspect/feature-maps';
import { LayerPicture, shapeWords } from './LayerPicture';
import { type SampleOrigin, SamplePicker } from './SamplePicker';
import { StepThrough } from './StepThrough';
import { useInsideWorker } from './useInsideWorker';

/** What the Inside tab knows about the chosen run. */
export interface InsideRun {
  runId: string;
  modelUrl: string;
  datasetName: string;
  classes: string[] | null;
  /** Where its dataset's samples are served, or null when the dataset is gone. */
  at: DatasetLocation | null;
  testCount: number;
}

/**
 * The Inside tab: pick a finished run and an input (a sample of its dataset, an upload, the
 * camera), then see what every layer makes of it — step by step, and every convolution's maps
 * and every vector layer's activations at once. Inference runs in a Web Worker.
 */
export function InsideWorkbench({
  projectId,
  runs,
  run,
}: {
  projectId: string;
  runs: { id: string; label: string }[];
  run: InsideRun | null;
}) {
  if (!run) {
    return (
      <p className="muted">No finished run with trained weights yet: train the network first (Train tab), then look inside it here.</p>
    );
  }
  return (
    <div className="stack inside">
      <section className="panel">
        <RunPicker projectId={projectId} tab="inside" runs={runs} runId={run.runId} />
      </section>
      <RunInside key={run.runId} run={run} />
    </div>
  );
}

function RunInside({ run }: { run: InsideRun }) {
  const { ready, outputs, error, run: infer } = useInsideWorker(run.modelUrl);
  const [origin, setOrigin] = useState<SampleOrigin | null>(null);
  const onSample = useCallback(
    (sample: Float32Array, from: SampleOrigin) => {
      setOrigin(from);
      infer(sample);
    },
    [infer],
  );
  const layers = outputs?.outputs ?? [];
  return (
    <>
      <section className="panel" aria-label="Input">
        <h2>Input</h2>
        {ready ? (
          <SamplePicker at={run.at} inputShape={ready.inputShape} classes={run.classes} testCount={run.testCount} onSample={onSample} />
        ) : (
          <p className="muted">Loading the trained network…</p>
        )}
        {origin ? (
          <p className="muted small" data-testid="sample-origin">
            {origin.kind === 'dataset'
              ? `Test sample ${origin.index + 1} of ${run.datasetName}${origin.label ? `, labelled ${origin.label}` : ''}.`
              : `Your image (${origin.name}), resized to ${shapeWords(ready?.inputShape ?? [])}.`}
          </p>
        ) : null}
        <ErrorNote message={error} />
      </section>
      {outputs ? (
        <>
          <section className="panel" aria-label="Step through">
            <h2>
              Forward pass{' '}
              <span className="muted small">
                ({outputs.ms.toFixed(0)} ms on {ready?.backend})
              </span>
            </h2>
            <StepThrough outputs={layers} classes={run.classes} />
          </section>
          <section className="panel" aria-label="Every layer">
            <h2>Every layer at once</h2>
            {layers.map((o, i) =>
              o.className.startsWith('Conv') || o.className === 'Dense' ? (
                <div key={o.layer} className="inside-layer" data-testid="inside-layer" data-layer={o.layer}>
                  <h3>
                    {o.layer} <span className="muted small">{shapeWords(o.shape)}</span>
                  </h3>
                  <LayerPicture output={o} classes={run.classes} last={i === layers.length - 1} />
                </div>
              ) : null,
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
