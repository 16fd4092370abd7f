'use client';

import { useCallback, useEffect, useState } from 'react';
import type { DatasetLocation } from '@/components/datasets/dataset-endpoints';
import { fetchBatch } from '@/components/datasets/http-batch-source';
import { CameraCapture } from '@/components/predict/CameraCapture';
import { ImageFileButton } from '@/components/ui/ImageFileButton';
import { imageToSample } from './image-sample';
import { SamplePreview } from './SamplePreview';

/** Where the sample being looked at came from. */
export type SampleOrigin = { kind: 'dataset'; index: number; label: string | null } | { kind: 'image'; name: string };

/**
 * Picks the input to look inside with: a test sample of the run's dataset (by number, or the next
 * one), an uploaded image or a camera frame. Hands over the network's input and shows it.
 */
export function SamplePicker({
  at,
  inputShape,
  classes,
  testCount,
  onSample,
}: {
  at: DatasetLocation | null;
  inputShape: number[];
  classes: string[] | null;
  testCount: number;
  onSample(sample: Float32Array, origin: SampleOrigin): void;
}) {
  const [index, setIndex] = useState(0);
  const [shown, setShown] = useState<Float32Array | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const isImage = inputShape.length === 3;

  const hand = useCallback(
    (sample: Float32Array, origin: SampleOrigin) => {
      setShown(sample);
      setProblem(null);
      onSample(sample.slice(), origin);
    },
    [onSample],
  );

  const pick = useCallback(
    async (i: number) => {
      if (!at) return;
      try {
        const batch = await fetchBatch(at, { split: testCount > 0 ? 'test' : 'train', offset: i, limit: 1 });
        if (batch.size === 0) return setProblem(`The dataset has no sample number ${i + 1}.`);
        const label = classes?.[batch.labels[0] as number] ?? null;
        hand(batch.features, { kind: 'dataset', index: i, label });
      } catch (error) {
        setProblem((error as Error).message);
      }
    },
    [at, testCount, classes, hand],
  );
  useEffect(() => void pick(0), [pick]);

  async function fromImage(blob: Blob, name: string) {
    try {
      hand(await imageToSample(blob, inputShape), { kind: 'image', name });
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  return (
    <div className="sample-picker">
      {at ? (
        <div className="row">
          <label>
            Sample{' '}
            <input
              type="number"
              aria-label="Sample number"
              min={1}
              max={Math.max(1, testCount)}
              value={index + 1}
              onChange={(e) => setIndex(Math.max(0, Number(e.currentTarget.value) - 1))}
              onBlur={() => void pick(index)}
              style={{ width: '5rem' }}
            />
          </label>
          <button
            type="button"
            onClick={() => {
              const i = index + 1 < Math.max(1, testCount) ? index + 1 : 0;
              setIndex(i);
              void pick(i);
            }}
          >
            Next sample
          </button>
        </div>
      ) : null}
      {isImage ? (
        <div className="row">
          <ImageFileButton label="Image to look inside with" onFile={(file) => void fromImage(file, file.name)}>
            Upload an image…
          </ImageFileButton>
          <CameraCapture onCapture={(blob) => void fromImage(blob, 'camera frame')} />
        </div>
      ) : null}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {shown ? <SamplePreview sample={shown} shape={inputShape} /> : null}
    </div>
  );
}
