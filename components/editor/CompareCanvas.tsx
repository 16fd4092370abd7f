'use client';

import { useMemo } from 'react';
import type { ModelComparison } from '@/engine/compare/compare-models';
import { summaryLine } from '@/engine/compare/comparison-words';
import type { GraphDoc } from '@/engine/graph/schema';
import { compareGraphView } from './compare-graph-view';
import { DIFF_COLORS, ReadOnlyDiffFlow } from './ReadOnlyDiffFlow';

/**
 * Two models side by side on one read-only canvas, whatever file each came from: A (the design, a
 * version or a file) on the left, B on the right, each in its own layout; changed layers amber on
 * both sides, layers only one side has red (A) or green (B). No minimap: it would sit on the right
 * column at narrow widths, and the change list beside the canvas is the map.
 */
export function CompareCanvas({
  a,
  b,
  comparison,
  labels,
}: {
  a: GraphDoc;
  b: GraphDoc;
  comparison: ModelComparison;
  labels: { a: string; b: string };
}) {
  const view = useMemo(() => compareGraphView(a, b, comparison, labels), [a, b, comparison, labels]);
  const s = comparison.summary;
  return (
    <ReadOnlyDiffFlow
      nodes={view.nodes}
      edges={view.edges}
      label={`Comparison of ${labels.a} and ${labels.b}`}
      fitPadding={0.1}
      minZoom={0.02}
      legend={
        <div className="diff-legend compare-legend" data-testid="compare-legend">
          <strong>{summaryLine(s, labels)}</strong>
          <span className="muted">
            left: {labels.a} · right: {labels.b}
          </span>
          <span>
            <i className="legend-swatch" style={{ background: DIFF_COLORS.changed }} />
            changed
          </span>
          <span>
            <i className="legend-swatch" style={{ background: DIFF_COLORS.removed }} />
            only in {labels.a}
          </span>
          <span>
            <i className="legend-swatch" style={{ background: DIFF_COLORS.added }} />
            only in {labels.b}
          </span>
        </div>
      }
    />
  );
}
