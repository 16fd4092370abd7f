'use client';

import { useEffect, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { ImageFileButton } from '@/components/ui/ImageFileButton';
import { CameraCapture } from './CameraCapture';
import { ProbabilityBars } from './ProbabilityBars';
import { usePrediction } from './usePrediction';

/** Classify one image: an uploaded file or a frame from the camera; shows it and the top classes. */
export function ImagePredict({ runId }: { runId: string }) {
  const [image, setImage] = useState<Blob | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const { result, error, busy, predict } = usePrediction(runId);

  useEffect(() => {
    if (!image) return;
    const url = URL.createObjectURL(image);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [image]);

  function classify(blob: Blob) {
    setImage(blob);
    void predict(blob);
  }

  return (
    <div className="stack">
      <div className="row">
        <ImageFileButton label="Image to classify" onFile={classify}>
          Choose an image…
        </ImageFileButton>
        <CameraCapture onCapture={(blob) => classify(blob)} />
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
