import type { ModelComparison } from '@/engine/compare/compare-models';
import { equivalentWords, layerWords, matchChangeLines, summaryLine, totalsLine } from '@/engine/compare/comparison-words';

/** A comparison of two models (a design and a file, or two files) as a list: totals, then every difference. */
export function CompareView({ comparison: c, labels }: { comparison: ModelComparison; labels: { a: string; b: string } }) {
  const changed = c.matches.filter((m) => m.status === 'changed');
  return (
    <section aria-label={`Comparison of ${labels.a} and ${labels.b}`}>
      <h3 className="compare-title">
        {labels.a} ↔ {labels.b}
      </h3>
      <p className="small" data-testid="compare-summary">
        {summaryLine(c.summary, labels)}
      </p>
      <p className="small muted">{totalsLine(c.summary, labels)}</p>
      {c.summary.identical ? <p className="muted">No differences: both hold the same network.</p> : null}
      <ul className="diff-list" data-testid="compare-changes">
        {changed.map((m) => (
          <li key={`c-${m.a.id}`} className="chg">
            ~ {layerWords(m.a)}
            {m.b.name !== m.a.name ? <span className="muted"> ↔ {m.b.name}</span> : null}
            <ul className="diff-list">
              {matchChangeLines(m, c.summary.weights.tolerance).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
        {c.onlyA.map((l) => (
          <li key={`a-${l.id}`} className="del">
            − {layerWords(l)}: only in {labels.a}
          </li>
        ))}
        {c.onlyB.map((l) => (
          <li key={`b-${l.id}`} className="add">
            + {layerWords(l)}: only in {labels.b}
          </li>
        ))}
        {c.connections.onlyA.map(([s, t]) => (
          <li key={`ca-${s}-${t}`} className="del">
            − connection {s} → {t}: only in {labels.a}
          </li>
        ))}
        {c.connections.onlyB.map(([s, t]) => (
          <li key={`cb-${s}-${t}`} className="add">
            + connection {s} → {t}: only in {labels.b}
          </li>
        ))}
        {c.equivalent.map((e) => (
          <li key={`e-${e.side}-${e.layer.id}`} className="muted">
            = {equivalentWords(e)}
          </li>
        ))}
      </ul>
    </section>
  );
}
