import { SUPPORT_COLUMNS, type SupportRow } from '@/engine/support/support-matrix';
import rows from '@/engine/support/support-matrix.generated.json';

export const metadata = { title: 'Layer support · NetCanvas' };

// GET /support – public: what each layer can do in each model format.
export default function SupportPage() {
  const table = rows as SupportRow[];
  return (
    <div className="panel" style={{ margin: '2rem auto', maxWidth: 1200 }}>
      <h1>Layer support</h1>
      <p className="muted">
        What each layer can do in each format, worked out by exporting and importing a one-layer design of each type (and a one-layer Caffe
        net of each Caffe type). “yes”: the layer comes back as itself; “as …”: it imports as other layers that compute the same; “some
        settings”: only some of its settings can be written; “—”: not supported.
      </p>
      <p className="muted small">
        TF.js graph models (<code>model.json</code> with <code>"format": "graph-model"</code>) have operations, not layers, so they are not
        in this table: they are frozen graphs, which open for prediction and their activations (Open a graph model, linked from the gallery)
        but cannot be edited or fine-tuned.
      </p>
      <table className="support-matrix">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            {SUPPORT_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.map((row) => (
            <tr key={row.type}>
              <th scope="row">
                {row.label} <code className="muted small">{row.type}</code>
              </th>
              {SUPPORT_COLUMNS.map((c) => (
                <td key={c} className={row.cells[c] === '—' ? 'muted' : undefined}>
                  {row.cells[c]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
