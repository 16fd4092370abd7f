'use client';

import { useState } from 'react';
import { maskColour } from '@/components/datasets/draw-sample';
import type { SegmentationEvaluation } from '@/engine/tasks/mask-overlap';
import { SampleImage } from './SampleImage';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);

/** Masks of a segmentation model: IoU per class, and true beside predicted masks over the pictures. */
export function SegmentationResults({ evaluation, splitWords }: { evaluation: SegmentationEvaluation; splitWords: string }) {
  const [opacity, setOpacity] = useState(0.55);
  return (
    <section className="evaluation" aria-label="Evaluation">
      <h3>
        On {splitWords}: mean IoU {pct(evaluation.meanIou)} over {evaluation.count} images
      </h3>
      <p className="muted small">{pct(evaluation.pixelAccuracy)} of pixels given their true class.</p>
      <div className="evaluation__grid">
        <div className="per-class" data-testid="iou-per-class">
          <h4>Overlap (IoU) per class</h4>
          <ul>
            {evaluation.perClass.map((row, c) => (
              <li key={row.label}>
                <span className="per-class__label">
                  <span className="mask-swatch" style={{ background: swatch(c) }} aria-hidden="true" /> {row.label}
                </span>
                <span className="per-class__bar" aria-hidden="true">
                  <span style={{ width: `${(row.iou ?? 0) * 100}%` }} />
                </span>
                <span className="per-class__value">
                  {pct(row.iou)} <span className="muted">({row.pixels.toLocaleString()} px)</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="samples" data-testid="mask-samples">
        <h4>True and predicted masks</h4>
        <label className="small">
          Mask opacity{' '}
          <input type="range" min={0} max={1} step={0.05} value={opacity} onChange={(e) => setOpacity(Number(e.target.value))} />
        </label>
        <ul className="samples__grid samples__grid--pairs">
          {evaluation.samples.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: samples are a fixed list in split order, without ids
            <li key={i}>
              <SampleImage
                features={s.features}
                shape={evaluation.featureShape}
                mask={s.truth}
                opacity={opacity}
                label={`Image ${i + 1}, true mask`}
              />
              <SampleImage
                features={s.features}
                shape={evaluation.featureShape}
                mask={s.predicted}
                opacity={opacity}
                label={`Image ${i + 1}, predicted mask`}
              />
              <span className="muted small">true · predicted</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** A class's colour in the legend (the background has none), the same as on the masks. */
export function swatch(c: number): string {
  if (c === 0) return 'transparent';
  const [r, g, b] = maskColour(c);
  return `rgb(${r}, ${g}, ${b})`;
}
