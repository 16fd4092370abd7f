'use client';

import type { ClassificationEvaluation } from '@/engine/tasks/confusion';
import type { Evaluation } from '@/engine/tasks/registry';
import type { RegressionEvaluation } from '@/engine/tasks/residuals';
import { DetectionResults } from './DetectionResults';
import { ReconstructionResults } from './ReconstructionResults';
import { SampleImage } from './SampleImage';
import { SegmentationResults } from './SegmentationResults';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);

/** What the trained model gets right and wrong: confusion matrix, per-class accuracy, samples; residuals; masks; rebuilt images; boxes. */
export function EvaluationView({ evaluation }: { evaluation: Evaluation }) {
  const splitWords =
    evaluation.split === 'test' ? 'the test split' : evaluation.split === 'validation' ? 'the validation split' : 'the training data';
  if (evaluation.kind === 'segmentation') return <SegmentationResults evaluation={evaluation} splitWords={splitWords} />;
  if (evaluation.kind === 'reconstruction') return <ReconstructionResults evaluation={evaluation} splitWords={splitWords} />;
  if (evaluation.kind === 'detection') return <DetectionResults evaluation={evaluation} splitWords={splitWords} />;
  if (evaluation.kind === 'regression') {
    return (
      <section className="evaluation" aria-label="Evaluation">
        <h3>Residuals on {splitWords}</h3>
        <p className="muted small">
          {evaluation.count} samples · mean absolute error {evaluation.mae.toPrecision(4)} · RMSE {evaluation.rmse.toPrecision(4)}
        </p>
        <ResidualPlot evaluation={evaluation} />
      </section>
    );
  }
  return (
    <section className="evaluation" aria-label="Evaluation">
      <h3>
        On {splitWords}: {pct(evaluation.accuracy)} right of {evaluation.count}
      </h3>
      <div className="evaluation__grid">
        <ConfusionMatrix evaluation={evaluation} />
        <PerClassAccuracy evaluation={evaluation} />
      </div>
      {evaluation.featureShape.length >= 2 && evaluation.samples.length > 0 ? <SamplePredictions evaluation={evaluation} /> : null}
    </section>
  );
}

/**
 * How tightly a matrix of these classes is drawn: a number in every cell up to 12 classes (with
 * upright column labels when the names are long), smaller cells up to 30, and beyond that cells of
 * colour only (the count is in each cell's tooltip), so 100 classes still fit and scroll in their box.
 */
export function matrixDensity(classes: readonly string[]): 'normal' | 'upright' | 'compact' | 'dense' {
  if (classes.length > 30) return 'dense';
  if (classes.length > 12) return 'compact';
  return classes.length > 4 && Math.max(...classes.map((c) => c.length)) > 6 ? 'upright' : 'normal';
}

/** Rows: the true class; columns: the predicted one. Each cell shaded by its share of the row. */
export function ConfusionMatrix({ evaluation }: { evaluation: ClassificationEvaluation }) {
  const { matrix, classes } = evaluation;
  return (
    <div className="confusion" data-testid="confusion-matrix" data-density={matrixDensity(classes)}>
      <h4>Confusion matrix</h4>
      <table>
        <caption className="sr-only">Rows are the true classes, columns the predicted ones.</caption>
        <thead>
          <tr>
            <th scope="col" className="confusion__corner">
              true ↓ predicted →
            </th>
            {classes.map((c) => (
              <th key={c} scope="col" title={c}>
                <span>{c}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, i) => {
            const total = row.reduce((a, b) => a + b, 0) || 1;
            return (
              <tr key={classes[i] ?? i}>
                <th scope="row" title={classes[i]}>
                  {classes[i]}
                </th>
                {row.map((n, j) => {
                  const share = n / total;
                  const right = i === j;
                  const colour = right
                    ? `rgba(43, 138, 62, ${0.12 + share * 0.88})`
                    : `rgba(201, 42, 42, ${n === 0 ? 0 : 0.1 + share * 0.9})`;
                  return (
                    <td
                      key={classes[j] ?? j}
                      style={{ background: colour, color: share > 0.55 ? '#fff' : undefined }}
                      title={`${n} of ${total} "${classes[i]}" predicted as "${classes[j]}"`}
                    >
                      {n}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function PerClassAccuracy({ evaluation }: { evaluation: ClassificationEvaluation }) {
  return (
    <div className="per-class" data-testid="per-class-accuracy" data-long={evaluation.perClass.length > 20 ? 'true' : undefined}>
      <h4>Accuracy per class</h4>
      <ul>
        {evaluation.perClass.map((c) => (
          <li key={c.label}>
            <span className="per-class__label">{c.label}</span>
            <span className="per-class__bar" aria-hidden="true">
              <span style={{ width: `${(c.accuracy ?? 0) * 100}%` }} />
            </span>
            <span className="per-class__value">
              {pct(c.accuracy)} <span className="muted">({c.count})</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A grid of sample images with what the model said: green when right, red when wrong. */
export function SamplePredictions({ evaluation }: { evaluation: ClassificationEvaluation }) {
  return (
    <div className="samples" data-testid="sample-predictions">
      <h4>Sample predictions</h4>
      <ul className="samples__grid">
        {evaluation.samples.map((s, i) => {
          const right = s.actual === s.predicted;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: samples are a fixed list in split order, without ids
            <li key={i} className={right ? 'right' : 'wrong'}>
              <SampleImage features={s.features} shape={evaluation.featureShape} />
              <span>
                {right ? '✓' : '✗'} {evaluation.classes[s.predicted]}
                {right ? '' : ` (is ${evaluation.classes[s.actual]})`}
              </span>
              <span className="muted small">{(s.confidence * 100).toFixed(0)} %</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Predicted against true values: points on the diagonal are exact. */
export function ResidualPlot({ evaluation }: { evaluation: RegressionEvaluation }) {
  const size = 320;
  const values = evaluation.points.flatMap((p) => [p.actual, p.predicted]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.05 || 1;
  const to = (v: number) => ((v - lo + pad) / (hi - lo + 2 * pad)) * (size - 40) + 30;
  return (
    <svg
      className="residuals"
      data-testid="residual-plot"
      viewBox={`0 0 ${size} ${size}`}
      width={size}
      height={size}
      role="img"
      aria-label="Predicted against true values"
    >
      <line x1={to(lo)} y1={size - to(lo)} x2={to(hi)} y2={size - to(hi)} stroke="#adb5bd" strokeDasharray="4 4" />
      {evaluation.points.map((p, i) => (
        <circle
          // biome-ignore lint/suspicious/noArrayIndexKey: points are a fixed list in split order, without ids
          key={i}
          cx={to(p.actual)}
          cy={size - to(p.predicted)}
          r={2.5}
          fill={Math.abs(p.predicted - p.actual) > evaluation.mae * 2 ? '#c92a2a' : '#3b5bdb'}
          opacity={0.7}
        />
      ))}
      <text x={size / 2} y={size - 4} textAnchor="middle" fontSize="11">
        true value
      </text>
      <text x={10} y={size / 2} textAnchor="middle" fontSize="11" transform={`rotate(-90 10 ${size / 2})`}>
        predicted
      </text>
    </svg>
  );
}
