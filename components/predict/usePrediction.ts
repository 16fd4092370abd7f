'use client';

import { useState } from 'react';
import type { Predictions } from '@/server/predict/schemas';
import { type PredictBody, requestPrediction } from './predict-request';

/** One prediction at a time for a run: the last answer, or the server's words when it refused. */
export function usePrediction(runId: string) {
  const [result, setResult] = useState<Predictions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function predict(input: PredictBody) {
    setBusy(true);
    const answer = await requestPrediction(runId, input);
    setBusy(false);
    setResult(answer.ok ? answer.data : null);
    setError(answer.ok ? null : answer.message);
  }

  return { result, error, setError, busy, predict };
}
