'use client';

import { useEditorState } from './EditorContext';
import { FindLayerField } from './FindLayerField';
import { formatCount, formatFlops } from './format';
import type { EditorState } from './store';

const counts = (s: EditorState) => s.analysis;
const layers = (s: EditorState) => s.doc.nodes.length;

/** One line under the canvas: size of the model (and finding one of its layers), its problems, and the summary drawer's toggle. */
export function StatusBar({ summaryOpen, onSummary, onProblems }: { summaryOpen: boolean; onSummary(): void; onProblems(): void }) {
  const analysis = useEditorState(counts);
  const n = useEditorState(layers);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning').length;
  const { totals } = analysis;
  return (
    <div className="statusbar">
      <span className="statusbar__layers">
        <strong>{n}</strong> layer{n === 1 ? '' : 's'}
        <FindLayerField enabled />
      </span>
      <span>
        <strong>{formatCount(totals.params)}</strong> params
      </span>
      <span>{formatFlops(totals.flops)} / sample</span>
      <button
        type="button"
        className={`status-chip${errors > 0 ? ' status-chip--error' : warnings > 0 ? ' status-chip--warning' : ' status-chip--ok'}`}
        onClick={onProblems}
      >
        {errors > 0
          ? `${errors} error${errors === 1 ? '' : 's'}`
          : warnings > 0
            ? `${warnings} warning${warnings === 1 ? '' : 's'}`
            : n === 0
              ? 'Empty'
              : 'Valid'}
      </button>
      <span className="spacer" />
      <button type="button" className="statusbar__toggle" aria-expanded={summaryOpen} aria-controls="model-summary" onClick={onSummary}>
        Model summary {summaryOpen ? '▾' : '▴'}
      </button>
    </div>
  );
}
