'use client';

import { useState } from 'react';
import { type DetectionEvaluation, SAMPLE_SCORE } from '@/engine/tasks/detection-evaluation';
import { boxColour, DetectionImage } from './DetectionImage';
import { DetectionPrCurve } from './DetectionPrCurve';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);

/**
 * What a detector finds: mAP, AP per class with its precision–recall curve, and the images it did
 * worst on, each with the true boxes beside the found ones above a score the slider sets.
 */
export function DetectionResults({ evaluation, splitWords }: { evaluation: DetectionEvaluation; splitWords: string }) {
  const [threshold, setThreshold] = useState(SAMPLE_SCORE);
  return (
    <section className="evaluation" aria-label="Evaluation">
      <h3>
        On {splitWords}: mAP@0.5 {pct(evaluation.mapAt50)} · mAP@0.5:0.95 {pct(evaluation.mapAt50To95)} over {evaluation.count} images
      </h3>
      <div className="evaluation__grid">
        <div className="per-class" data-testid="ap-per-class">
          <h4>Average precision per class</h4>
          <ul>
            {evaluation.perClass.map((row, c) => (
              <li key={row.label}>
                <span className="per-class__label">
                  <span className="mask-swatch" style={{ background: boxColour(c) }} aria-hidden="true" /> {row.label}
                </span>
                <span className="per-class__bar" aria-hidden="true">
                  <span style={{ width: `${(row.ap50 ?? 0) * 100}%` }} />
                </span>
                <span className="per-class__value">
                  {pct(row.ap50)}{' '}
                  <span className="muted">
                    (AP@0.5:0.95 {pct(row.ap)}, {row.truths} boxes)
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </div>
        <DetectionPrCurve evaluation={evaluation} />
      </div>
      <div className="samples" data-testid="detection-samples">
        <h4>True and found boxes, worst images first</h4>
        <label className="small">
          Score threshold{' '}
          <input
            type="range"
            min={0.05}
            max={0.95}
            step={0.05}
            value={threshold}
            onChange={(e) => setThreshold(Number(e.target.value))}
            aria-label="Score threshold"
          />{' '}
          <output>{Math.round(threshold * 100)} %</output>
        </label>
        <ul className="samples__grid samples__grid--pairs samples__grid--boxes">
          {evaluation.samples.map((s, i) => {
            const shown = s.predicted.filter((b) => b.score >= threshold);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: samples are a fixed list, worst first, without ids
              <li key={i}>
                <DetectionImage
                  features={s.features}
                  shape={evaluation.featureShape}
                  boxes={s.truth}
                  classes={evaluation.classes}
                  label={`Image ${i + 1}, true boxes`}
                />
                <DetectionImage
                  features={s.features}
                  shape={evaluation.featureShape}
                  boxes={shown}
                  classes={evaluation.classes}
                  label={`Image ${i + 1}, found boxes`}
                />
                <span className="muted small">
                  true {s.truth.length} · found {shown.length} · {pct(s.quality)} matched
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
