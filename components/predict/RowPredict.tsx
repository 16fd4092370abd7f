'use client';

import type { FormEvent } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { ProbabilityBars } from './ProbabilityBars';
import { usePrediction } from './usePrediction';

/** Classify one typed row of feature values (comma separated, raw: the server normalises them as in training). */
export function RowPredict({ runId, width }: { runId: string; width: number }) {
  const { result, error, setError, predict } = usePrediction(runId);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('row') ?? '');
    const values = text
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map(Number);
    if (values.some((v) => !Number.isFinite(v))) return setError('Every value must be a number.');
    await predict({ rows: [values] });
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
