'use client';

import { useEditor, useEditorState } from './EditorContext';
import { perAnalysis } from './per-analysis';
import { type DiagnosticItem, diagnosticsList, type EditorState } from './store';

const list = perAnalysis((s: EditorState) => diagnosticsList(s));

const ICONS = { error: '⛔', warning: '⚠', info: 'ℹ' } as const;

/**
 * Every problem the analysis found, errors first, each with its hint. Clicking one selects the layer
 * (or connection) at fault and centres the view on it.
 */
export function DiagnosticsPanel() {
  const { canvas } = useEditor();
  const items = useEditorState(list);
  const errors = items.filter((d) => d.severity === 'error').length;
  const warnings = items.filter((d) => d.severity === 'warning').length;
  const focus = (d: DiagnosticItem) => {
    if (d.nodeId) canvas.current?.focusNode(d.nodeId);
    else if (d.edgeId) canvas.current?.focusEdge(d.edgeId);
  };
  return (
    <section className="diagnostics" aria-label="Problems">
      <p className="diagnostics__summary">
        {items.length === 0 ? (
          <span className="ok-text">No problems: every layer has its shapes.</span>
        ) : (
          <>
            {errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}
            {items.length - errors - warnings > 0
              ? `, ${items.length - errors - warnings} note${items.length - errors - warnings === 1 ? '' : 's'}`
              : ''}
          </>
        )}
      </p>
      <ul className="diagnostics__list">
        {items.map((d) => (
          <li key={d.key}>
            <button
              type="button"
              className={`problem problem--${d.severity}`}
              onClick={() => focus(d)}
              disabled={!d.nodeId && !d.edgeId}
              aria-label={`${d.severity}${d.nodeName ? ` in ${d.nodeName}` : ''}: ${d.message}`}
            >
              <span className="problem__icon" aria-hidden="true">
                {ICONS[d.severity]}
              </span>
              <span className="problem__body">
                {d.nodeName ? <span className="problem__where">{d.nodeName}</span> : null}
                <span className="problem__message">{d.message}</span>
                {d.hint ? <span className="problem__hint">{d.hint}</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
