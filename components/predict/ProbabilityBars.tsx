import type { Predictions } from '@/server/predict/schemas';

type Prediction = Predictions['predictions'][number];

/** The top classes of one prediction as horizontal bars, most likely first; or the predicted values. */
export function ProbabilityBars({ prediction }: { prediction: Prediction }) {
  if ('values' in prediction) {
    return (
      <p data-testid="predicted-values">
        Predicted: <strong>{prediction.values.map((v) => v.toPrecision(4)).join(', ')}</strong>
      </p>
    );
  }
  return (
    <ol className="probability-bars" data-testid="probability-bars" aria-label="Most likely classes">
      {prediction.top.map((t) => (
        <li key={t.label} data-label={t.label}>
          <span className="probability-bars__label">{t.label}</span>
          <span className="probability-bars__track" aria-hidden="true">
            <span className="probability-bars__bar" style={{ width: `${(t.probability * 100).toFixed(1)}%` }} />
          </span>
          <span className="probability-bars__value">{(t.probability * 100).toFixed(1)} %</span>
        </li>
      ))}
    </ol>
  );
}
