'use client';

import type { Diagnostic } from '@/engine/diagnostics';

/**
 * The graph document as editable JSON, checked with the engine's parser on every keystroke: the
 * editor's "Edit as JSON" view, for power users.
 */
export function JsonEditor({
  text,
  onChange,
  problems,
  readOnly,
  onBlur,
}: {
  text: string;
  onChange: (text: string) => void;
  problems: Diagnostic[];
  readOnly?: boolean;
  onBlur?: () => void;
}) {
  return (
    <div className="stack">
      <textarea
        className="code"
        aria-label="Graph document (JSON)"
        spellCheck={false}
        value={text}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {problems.length > 0 ? (
        <div className="alert error" role="alert" aria-label="Document problems">
          <strong>This is not a valid graph yet:</strong>
          <ul className="diff-list">
            {problems.slice(0, 8).map((p) => (
              <li key={`${p.code}-${p.nodeId ?? ''}-${p.edgeId ?? ''}-${p.message}`}>
                {p.message}
                {p.hint ? <span> — {p.hint}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
