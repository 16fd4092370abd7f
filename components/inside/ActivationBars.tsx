import type { LayerOutput } from '@/engine/inspect/layer-outputs';
import { isProbabilities, topValues } from '@/engine/inspect/top-values';
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

/**
 * A classifier's output, most likely first: the `top` classes with their names (`class 3` where
 * there are none, the index beside a name) and their probability — or, for a vector that is not
 * probabilities (logits, scores), the value itself, bars scaled to the largest.
 */
export function PredictedClasses({
  output,
  classes,
  top = 5,
  testId = 'inside-probabilities',
}: {
  output: LayerOutput;
  classes: string[] | null;
  top?: number;
  testId?: string;
}) {
  const probabilities = isProbabilities(output.values);
  const largest = Math.max(1e-9, Math.abs(output.min), Math.abs(output.max));
  const ranked = topValues(output.values, top).map(({ index, value }) => ({
    index,
    label: classes?.[index] ?? `class ${index}`,
    value,
    share: probabilities ? value : Math.max(0, value) / largest,
  }));
  return (
    <ol className="probability-bars" data-testid={testId} aria-label={probabilities ? 'Predicted probabilities' : 'Largest outputs'}>
      {ranked.map((r) => (
        <li key={r.index} data-label={r.label} data-index={r.index}>
          <span className="probability-bars__label">
            {r.label}
            {classes?.[r.index] !== undefined ? <span className="muted small"> #{r.index}</span> : null}
          </span>
          <span className="probability-bars__track" aria-hidden="true">
            <span className="probability-bars__bar" style={{ width: `${(r.share * 100).toFixed(1)}%` }} />
          </span>
          <span className="probability-bars__value">{probabilities ? `${(r.value * 100).toFixed(1)} %` : r.value.toPrecision(3)}</span>
        </li>
      ))}
    </ol>
  );
}
