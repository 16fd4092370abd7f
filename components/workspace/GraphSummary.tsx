'use client';

import { memo, useMemo } from 'react';
import { analyse } from '@/engine/analysis/analyse';
import type { GraphDoc } from '@/engine/graph/schema';
import { formatShape } from '@/engine/shape';

/** A read-only, Keras-style summary of a graph: each layer's shape and parameters, totals, problems. */
export const GraphSummary = memo(function GraphSummary({ doc }: { doc: GraphDoc }) {
  const analysis = useMemo(() => analyse(doc), [doc]);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  return (
    <section aria-label="Graph summary">
      <div className="row small" style={{ marginBottom: '0.5rem' }}>
        <span>
          <strong>{doc.nodes.length}</strong> layers
        </span>
        <span>
          <strong>{analysis.totals.params.toLocaleString()}</strong> parameters ({analysis.totals.trainableParams.toLocaleString()}{' '}
          trainable)
        </span>
        {errors.length === 0 ? <span className="badge green">valid</span> : <span className="badge red">{errors.length} problem(s)</span>}
      </div>
      <table>
        <thead>
          <tr>
            <th>Layer</th>
            <th>Type</th>
            <th>Output shape</th>
            <th>Params</th>
          </tr>
        </thead>
        <tbody>
          {[...analysis.order, ...doc.nodes.map((n) => n.id).filter((id) => !analysis.order.includes(id))].slice(0, 300).map((id) => {
            const node = analysis.nodes[id];
            const raw = byId.get(id);
            const params = node?.paramCount ? node.paramCount.trainable + node.paramCount.nonTrainable : null;
            return (
              <tr key={id}>
                <td>{node?.layerName ?? id}</td>
                <td>{raw?.type}</td>
                <td>
                  <code>{node?.outputShapes ? node.outputShapes.map((s) => formatShape(s)).join(', ') : '—'}</code>
                </td>
                <td>{params === null ? '—' : params.toLocaleString()}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {doc.nodes.length > 300 ? <p className="muted small">…and {doc.nodes.length - 300} more layers.</p> : null}
      {analysis.diagnostics.length > 0 ? (
        <ul className="diff-list" aria-label="Problems">
          {analysis.diagnostics.slice(0, 30).map((d, i) => (
            <li key={`${d.code}-${d.nodeId ?? d.edgeId ?? i}`} className={d.severity === 'error' ? 'del' : 'chg'}>
              {d.nodeId ? <strong>{analysis.nodes[d.nodeId]?.layerName ?? d.nodeId}: </strong> : null}
              {d.message}
              {d.hint ? <span className="muted"> — {d.hint}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
});
