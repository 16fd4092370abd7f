'use client';

import type { FormEvent } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { ProbabilityBars } from './ProbabilityBars';
import { usePrediction } from './usePrediction';

/**
 * Classify typed text: the server cuts it into words with the tokenizer and vocabulary kept with
 * the dataset the run trained on, and says how many words it did not know or had to cut.
 */
export function TextPredict({ runId, length }: { runId: string; length: number }) {
  const { result, error, busy, predict } = usePrediction(runId);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('text') ?? '');
    await predict({ texts: [text] });
  }

  const reading = result?.texts?.[0];
  return (
    <form className="stack" onSubmit={submit} aria-label="Classify a text">
      <label>
        Text (the first {length} words are read)
        <textarea name="text" aria-label="Text" rows={4} required placeholder="Type or paste a sentence…" />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          Classify
        </button>
      </div>
      <ErrorNote message={error} />
      {reading ? (
        <p className="small muted">
          Read as {reading.tokens} word{reading.tokens === 1 ? '' : 's'}
          {reading.unknown > 0 ? `, ${reading.unknown} not in the vocabulary (read as unknown)` : ''}
          {reading.truncated > 0 ? `, the last ${reading.truncated} cut off` : ''}.
        </p>
      ) : null}
      {result?.predictions[0] ? <ProbabilityBars prediction={result.predictions[0]} /> : null}
    </form>
  );
}
