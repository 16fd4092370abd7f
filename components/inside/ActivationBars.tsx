import type { LayerOutput } from '@/engine/inspect/layer-outputs';
import { digest } from './colours';

/** Most bars drawn for one vector; a flattened layer of thousands shows its first ones and says so. */
const MAX_BARS = 128;

/**
 * A vector layer's output (dense units, a flatten) as vertical bars from a zero line, scaled to the
 * largest magnitude; with labels (class names), for the output layer, the values are probabilities.
 */
export function ActivationBars({ output, labels }: { output: LayerOutput; labels?: string[] | null }) {
  const values = Array.from(output.values.slice(0, MAX_BARS));
  const limit = Math.max(1e-9, Math.abs(output.min), Math.abs(output.max));
  const hasNegative = output.min < 0;
  return (
    <div className="activation-bars" data-testid="activation-bars" data-layer={output.layer} data-signature={digest(output.values)}>
      <div className={`activation-bars__plot${hasNegative ? ' activation-bars__plot--signed' : ''}`}>
        {values.map((v, i) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: a unit's position is its identity
            key={i}
            className={`activation-bars__bar${v < 0 ? ' activation-bars__bar--negative' : ''}`}
            style={{ height: `${(Math.abs(v) / limit) * (hasNegative ? 50 : 100)}%` }}
            title={`${labels?.[i] ?? `unit ${i + 1}`}: ${v.toPrecision(3)}`}
          />
        ))}
      </div>
      {output.values.length > values.length ? (
        <p className="muted small">
          The first {values.length} of {output.values.length.toLocaleString('en')} values.
        </p>
      ) : null}
    </div>
  );
}

/** The output layer's probabilities with the class names, most likely first. */
export function PredictedClasses({ output, classes }: { output: LayerOutput; classes: string[] }) {
  const ranked = Array.from(output.values, (p, i) => ({ label: classes[i] ?? `class ${i}`, p }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 5);
  return (
    <ol className="probability-bars" data-testid="inside-probabilities" aria-label="Predicted probabilities">
      {ranked.map((r) => (
        <li key={r.label} data-label={r.label}>
          <span className="probability-bars__label">{r.label}</span>
          <span className="probability-bars__track" aria-hidden="true">
            <span className="probability-bars__bar" style={{ width: `${(r.p * 100).toFixed(1)}%` }} />
          </span>
          <span className="probability-bars__value">{(r.p * 100).toFixed(1)} %</span>
        </li>
      ))}
    </ol>
  );
}
