import { changeWords, summaryWords } from '@/engine/graph/change-words';
import type { FieldChange, GraphDiff } from '@/engine/graph/diff';

const KIND_CLASS = { added: 'add', removed: 'del', changed: 'chg' } as const;

function Field({ change }: { change: FieldChange }) {
  return (
    <span className={KIND_CLASS[change.kind]} title={change.path}>
      {changeWords(change)}
    </span>
  );
}

/** A semantic diff between two versions as a list of changes. */
export function DiffView({ from, to, diff }: { from: number; to: number; diff: GraphDiff }) {
  const label = (n: { id: string; type: string; name?: string }) => `${n.name ?? n.id} (${n.type})`;
  return (
    <section aria-label={`Changes from version ${from} to ${to}`}>
      <h3>
        Version {from} → version {to}
      </h3>
      {diff.summary.identical ? (
        <p className="muted">No differences: the two versions hold the same network.</p>
      ) : (
        <p className="small muted" data-testid="diff-summary">
          {summaryWords(diff.summary)}
        </p>
      )}
      <ul className="diff-list">
        {diff.nodes.added.map((n) => (
          <li key={`a-${n.id}`} className="add">
            + layer {label(n)}
          </li>
        ))}
        {diff.nodes.removed.map((n) => (
          <li key={`r-${n.id}`} className="del">
            − layer {label(n)}
          </li>
        ))}
        {diff.nodes.changed.map((n) => (
          <li key={`c-${n.id}`}>
            ~ layer {label(n)}
            <ul className="diff-list">
              {n.changes.map((c) => (
                <li key={c.path}>
                  <Field change={c} />
                </li>
              ))}
              {n.moved ? <li className="muted">moved on the canvas</li> : null}
            </ul>
          </li>
        ))}
        {diff.nodes.moved.length > 0 ? (
          <li className="muted">
            {diff.nodes.moved.length} layer{diff.nodes.moved.length === 1 ? '' : 's'} only moved: {diff.nodes.moved.map(label).join(', ')}
          </li>
        ) : null}
        {diff.edges.added.map((e) => (
          <li key={`ea-${e.id}`} className="add">
            + connection {e.source} → {e.target}
          </li>
        ))}
        {diff.edges.removed.map((e) => (
          <li key={`er-${e.id}`} className="del">
            − connection {e.source} → {e.target}
          </li>
        ))}
        {diff.training.map((c) => (
          <li key={`t-${c.path}`}>
            training · <Field change={c} />
          </li>
        ))}
        {diff.document.map((c) => (
          <li key={`d-${c.path}`}>
            <Field change={c} />
          </li>
        ))}
        {diff.groups.added.map((g) => (
          <li key={`ga-${g.id}`} className="add">
            + group {g.name}
          </li>
        ))}
        {diff.groups.removed.map((g) => (
          <li key={`gr-${g.id}`} className="del">
            − group {g.name}
          </li>
        ))}
      </ul>
    </section>
  );
}
