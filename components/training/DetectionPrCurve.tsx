'use client';

import type { DetectionEvaluation } from '@/engine/tasks/detection-evaluation';
import { boxColour } from './DetectionImage';

const SIZE = 260;
const PAD = 32;

/**
 * Precision against recall at IoU 0.5 for every class, as the score threshold falls: a curve that
 * stays high to the right finds all the objects without false alarms. The area under each (its
 * AP@0.5) is in the legend.
 */
export function DetectionPrCurve({ evaluation }: { evaluation: DetectionEvaluation }) {
  const to = (v: number) => PAD + v * (SIZE - PAD - 8);
  const path = (curve: { recall: number[]; precision: number[] }) =>
    curve.recall.map((r, i) => `${i === 0 ? 'M' : 'L'}${to(r).toFixed(1)},${(SIZE - to(curve.precision[i] ?? 0)).toFixed(1)}`).join(' ');
  return (
    <div className="detection-pr" data-testid="precision-recall">
      <h4>Precision–recall per class (IoU 0.5)</h4>
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} role="img" aria-label="Precision against recall per class">
        <rect x={to(0)} y={SIZE - to(1)} width={to(1) - to(0)} height={to(1) - to(0)} fill="none" stroke="#ced4da" />
        {[0, 0.5, 1].map((v) => (
          <g key={v} fontSize="10" fill="#495057">
            <text x={to(v)} y={SIZE - PAD + 14} textAnchor="middle">
              {v}
            </text>
            <text x={PAD - 4} y={SIZE - to(v) + 3} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {evaluation.perClass.map((c, k) =>
          c.curve.recall.length > 0 ? (
            <path key={c.label} d={path(c.curve)} fill="none" stroke={boxColour(k)} strokeWidth={2} data-class={c.label} />
          ) : null,
        )}
        <text x={SIZE / 2} y={SIZE - 2} textAnchor="middle" fontSize="11">
          recall
        </text>
        <text x={10} y={SIZE / 2} textAnchor="middle" fontSize="11" transform={`rotate(-90 10 ${SIZE / 2})`}>
          precision
        </text>
      </svg>
    </div>
  );
}
