'use client';

import { useEffect, useState } from 'react';
import type { LayerOutput } from '@/engine/inspect/layer-outputs';
import { LayerPicture, shapeWords } from './LayerPicture';

/** How long each layer stays highlighted while playing. */
const STEP_MS = 1200;

/**
 * The forward pass one layer at a time: the layers in order with the current one highlighted,
 * back, next and play; the current layer's output shape, value range and picture.
 */
export function StepThrough({ outputs, classes }: { outputs: LayerOutput[]; classes: string[] | null }) {
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const current = outputs[Math.min(step, outputs.length - 1)];
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => (step + 1 < outputs.length ? setStep(step + 1) : setPlaying(false)), STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, step, outputs.length]);
  if (!current) return null;
  return (
    <section className="step-through" aria-label="Forward pass, one layer at a time">
      <ol className="step-through__layers">
        {outputs.map((o, i) => (
          <li key={o.layer}>
            <button
              type="button"
              className={`step-through__layer${i === step ? ' step-through__layer--current' : ''}`}
              aria-current={i === step ? 'step' : undefined}
              onClick={() => {
                setPlaying(false);
                setStep(i);
              }}
            >
              <span className="small muted">{i + 1}</span> {o.layer}
              <span className="small muted"> {shapeWords(o.shape)}</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="step-through__detail" data-testid="step-detail" data-layer={current.layer}>
        <div className="row">
          <button type="button" onClick={() => setStep(Math.max(0, step - 1))} disabled={step === 0}>
            ← Back
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => (playing ? setPlaying(false) : (setStep(step + 1 >= outputs.length ? 0 : step), setPlaying(true)))}
          >
            {playing ? 'Pause' : 'Play the forward pass'}
          </button>
          <button type="button" onClick={() => setStep(Math.min(outputs.length - 1, step + 1))} disabled={step + 1 >= outputs.length}>
            Next →
          </button>
        </div>
        <h3>
          {step + 1}. {current.layer} <span className="muted small">{current.className}</span>
        </h3>
        <p className="small" data-testid="step-facts">
          Output <strong>{shapeWords(current.shape)}</strong> · values from <strong>{current.min.toPrecision(3)}</strong> to{' '}
          <strong>{current.max.toPrecision(3)}</strong>
        </p>
        <LayerPicture output={current} classes={classes} last={step === outputs.length - 1} />
      </div>
    </section>
  );
}
