'use client';

import { useEffect, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import type { Predictions } from '@/server/predict/schemas';
import { CameraCapture } from './CameraCapture';
import { ProbabilityBars } from './ProbabilityBars';
import { requestPrediction } from './predict-request';

/** Classify one image: an uploaded file or a frame from the camera; shows it and the top classes. */
export function ImagePredict({ runId }: { runId: string }) {
  const [image, setImage] = useState<Blob | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [result, setResult] = useState<Predictions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!image) return;
    const url = URL.createObjectURL(image);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [image]);

  async function classify(blob: Blob) {
    setImage(blob);
    setBusy(true);
    const answer = await requestPrediction(runId, blob);
    setBusy(false);
    if (!answer.ok) {
      setResult(null);
      return setError(answer.message);
    }
    setError(null);
    setResult(answer.data);
  }

  return (
    <div className="stack">
      <div className="row">
        <label className="button">
          Choose an image…
          <input
            type="file"
            accept="image/*"
            hidden
            aria-label="Image to classify"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void classify(file);
            }}
          />
        </label>
        <CameraCapture onCapture={(blob) => void classify(blob)} />
      </div>
      {preview ? (
        // biome-ignore lint/performance/noImgElement: a local blob URL of the user's own file, never optimised by a server
        <img className="predict-preview" src={preview} alt="Being classified" />
      ) : null}
      {busy ? <p className="muted">Classifying…</p> : null}
      <ErrorNote message={error} />
      {result?.predictions[0] ? <ProbabilityBars prediction={result.predictions[0]} /> : null}
    </div>
  );
}
