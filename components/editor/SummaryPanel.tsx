'use client';

import { type CSSProperties, useId, useState } from 'react';
import { useProfile } from '@/components/profile/ProfileContext';
import { formatMs, heatColour, type LayerFigure } from '@/components/profile/profile-figures';
import { trainingBudget } from './budget';
import { useEditorState } from './EditorContext';
import { formatBytes, formatCount, formatFlops } from './format';
import { perAnalysis } from './per-analysis';
import { type EditorState, summaryRows } from './store';

const summary = perAnalysis((s: EditorState) => summaryRows(s));
const training = (s: EditorState) => s.doc.training;

/**
 * The model summary as Keras prints it — each layer's name, type, output shape, parameters and
 * inputs, then the totals — and what training it in the browser would cost for a batch size:
 * memory (weights, gradients, optimizer state, activations) and FLOPs, with a warning in plain words
 * when it would not fit.
 */
export function SummaryPanel() {
  const { rows, totals } = useEditorState(summary);
  const config = useEditorState(training);
  const [batch, setBatch] = useState(String(config?.batchSize ?? 32));
  const batchId = useId();
  const profile = useProfile();
  const figures = profile?.figures ?? null;
  const batchSize = Math.max(1, Math.min(4096, Math.floor(Number(batch)) || 1));
  const budget = trainingBudget(totals, batchSize, config?.optimizer ?? 'adam');
  const share = Math.min(1, budget.trainingBytes / budget.limitBytes);
  const parts = [
    ['Weights', budget.weightsBytes],
    ['Gradients', budget.gradientBytes],
    [`Optimizer (${budget.optimizer})`, budget.optimizerBytes],
    ['Activations', budget.activationBytes],
  ] as const;
  return (
    <section className="summary" aria-label="Model summary">
      <div className="summary__table-wrap">
        <table className="summary__table">
          <thead>
            <tr>
              <th scope="col">Layer (type)</th>
              <th scope="col">Output shape</th>
              <th scope="col" className="num">
                Param #
              </th>
              {figures ? (
                <>
                  <th
                    scope="col"
                    className="num"
                    title={profile?.stale ? 'Measured before the last edit' : 'Forward and backward, one batch'}
                  >
                    Time{profile?.stale ? ' (stale)' : ''}
                  </th>
                  <th scope="col" className="num" title="The layer's output for one batch">
                    Activations
                  </th>
                </>
              ) : null}
              <th scope="col">Connected to</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={row.status === 'ok' ? undefined : `row--${row.status}`}>
                <td>
                  {row.name} <span className="muted">({row.type})</span>
                  {row.trainable ? null : <span className="badge grey">frozen</span>}
                </td>
                <td>
                  <code>{row.outputShape}</code>
                </td>
                <td className="num">{formatCount(row.params)}</td>
                {figures ? <ProfileCells figure={figures.get(row.id)} /> : null}
                <td className="muted">{row.connectedTo.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="summary__side">
        <dl className="summary__totals" aria-label="Totals">
          <div>
            <dt>Total params</dt>
            <dd>{formatCount(totals.params)}</dd>
          </div>
          <div>
            <dt>Trainable</dt>
            <dd>{formatCount(totals.trainableParams)}</dd>
          </div>
          <div>
            <dt>Non-trainable</dt>
            <dd>{formatCount(totals.nonTrainableParams)}</dd>
          </div>
          <div>
            <dt>Size</dt>
            <dd>{formatBytes(budget.weightsBytes)}</dd>
          </div>
          <div>
            <dt>Forward pass</dt>
            <dd>{formatFlops(totals.flops)} / sample</dd>
          </div>
        </dl>
        <section className="budget" aria-label="Training budget">
          <label className="budget__batch" htmlFor={batchId}>
            Batch size
            <input id={batchId} type="number" min={1} max={4096} value={batch} onChange={(e) => setBatch(e.target.value)} />
          </label>
          <div className={`budget__bar${budget.fits ? '' : ' budget__bar--over'}`} aria-hidden="true">
            <span style={{ width: `${share * 100}%` }} />
          </div>
          <dl className="budget__parts">
            {parts.map(([label, bytes]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{formatBytes(bytes)}</dd>
              </div>
            ))}
            <div className="budget__total">
              <dt>Training memory</dt>
              <dd>{formatBytes(budget.trainingBytes)}</dd>
            </div>
            <div>
              <dt>One training step</dt>
              <dd>{formatFlops(budget.trainingFlopsPerStep)}</dd>
            </div>
          </dl>
          <p className={budget.fits ? 'budget__verdict' : 'budget__verdict budget__verdict--over'} role={budget.fits ? undefined : 'alert'}>
            {budget.message}
          </p>
        </section>
      </div>
    </section>
  );
}

/** A row's time (heat-coloured, the slowest marked) and activation memory while the profile is shown. */
function ProfileCells({ figure }: { figure: LayerFigure | undefined }) {
  if (!figure) {
    return (
      <>
        <td className="num muted">—</td>
        <td className="num muted">—</td>
      </>
    );
  }
  return (
    <>
      <td className="num profile-cell" style={{ '--heat': heatColour(figure.share) } as CSSProperties} data-testid="summary-time">
        {formatMs(figure.ms)}
        {figure.slowest ? <span className="profile-slowest"> slowest</span> : null}
      </td>
      <td className="num">{formatBytes(figure.activationBytes)}</td>
    </>
  );
}
