'use client';

import type { ImportReport } from '@/engine/import/import-report';

/** How many approximations and placeholders are listed before "and N more". */
const SHOWN = 8;

const STATUS: Record<string, string> = { approximated: 'Approximated', placeholder: 'Placeholder' };

/**
 * The import report after an import: how many layers came in exactly, how many were approximated
 * and how many became placeholders, then each approximation and placeholder with what to do about it.
 */
export function ImportReportPanel({ report }: { report: ImportReport }) {
  const todo = report.notes.filter((n) => n.status !== 'exact');
  return (
    <section className="import-report" aria-label="Import report">
      <strong className="small">
        Import report: {report.exact} exact · {report.approximated} approximated · {report.placeholders} placeholder
        {report.placeholders === 1 ? '' : 's'}
      </strong>
      {todo.length > 0 ? (
        <ul className="small">
          {todo.slice(0, SHOWN).map((note) => (
            <li key={`${note.nodeId ?? ''}-${note.source}-${note.message}`} data-status={note.status}>
              <span className={note.status === 'placeholder' ? 'del' : 'muted'}>{STATUS[note.status]}</span> <code>{note.source}</code>:{' '}
              {note.message}
              {note.replaceWith ? <span className="muted"> → {note.replaceWith}</span> : null}
            </li>
          ))}
          {todo.length > SHOWN ? <li className="muted">and {todo.length - SHOWN} more</li> : null}
        </ul>
      ) : (
        <span className="small muted">Every layer was imported exactly.</span>
      )}
    </section>
  );
}
