'use client';

import { type FormEvent, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import type { Predictions } from '@/server/predict/schemas';
import { ProbabilityBars } from './ProbabilityBars';
import { requestPrediction } from './predict-request';

/** Classify one typed row of feature values (comma separated, raw: the server normalises them as in training). */
export function RowPredict({ runId, width }: { runId: string; width: number }) {
  const [result, setResult] = useState<Predictions | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('row') ?? '');
    const values = text
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map(Number);
    if (values.some((v) => !Number.isFinite(v))) return setError('Every value must be a number.');
    const answer = await requestPrediction(runId, { rows: [values] });
    if (!answer.ok) {
      setResult(null);
      return setError(answer.message);
    }
    setError(null);
    setResult(answer.data);
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Classify a row">
      <label>
        Feature values ({width}, in the dataset’s column order, without the label)
        <input
          name="row"
          aria-label="Feature values"
          placeholder={Array.from({ length: Math.min(width, 4) }, (_, i) => i + 1).join(', ')}
          required
        />
      </label>
      <div className="row">
        <button type="submit" className="primary">
          Classify
        </button>
      </div>
      <ErrorNote message={error} />
      {result?.predictions[0] ? <ProbabilityBars prediction={result.predictions[0]} /> : null}
    </form>
  );
}
