'use client';

import { useEffect, useRef, useState } from 'react';
import { type AugmentationConfig, augmentBatch, NO_AUGMENTATION } from '@/engine/data/augment';
import type { Batch } from '@/engine/data/batch-source';
import type { DatasetLocation } from './dataset-endpoints';
import { drawSample } from './draw-sample';
import { fetchBatch } from './http-batch-source';

const SAMPLES = 8;

const SLIDERS: { key: keyof AugmentationConfig; label: string; max: number; step: number }[] = [
  { key: 'rotation', label: 'Rotation (°)', max: 45, step: 1 },
  { key: 'shift', label: 'Shift', max: 0.3, step: 0.01 },
  { key: 'zoom', label: 'Zoom', max: 0.3, step: 0.01 },
  { key: 'brightness', label: 'Brightness', max: 0.5, step: 0.01 },
  { key: 'noise', label: 'Noise', max: 0.3, step: 0.01 },
];

/**
 * A live preview of training-time augmentation on real samples of the version, drawn with the same
 * `augmentBatch` the trainer calls; the settings can be copied into a run's training settings.
 */
export function AugmentationPreview({ datasetId, number, featureShape }: { datasetId: string; number: number; featureShape: number[] }) {
  const [batch, setBatch] = useState<Batch | null>(null);
  const [config, setConfig] = useState<AugmentationConfig>({ ...NO_AUGMENTATION, rotation: 10, shift: 0.1 });
  const [seed, setSeed] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const originals = useRef<(HTMLCanvasElement | null)[]>([]);
  const augmented = useRef<(HTMLCanvasElement | null)[]>([]);
  const width = featureShape.reduce((a, b) => a * b, 1);

  useEffect(() => {
    const at: DatasetLocation = { datasetId, number };
    fetchBatch(at, { split: 'train', offset: 0, limit: SAMPLES }).then(setBatch, (e: Error) => setError(e.message));
  }, [datasetId, number]);

  useEffect(() => {
    if (!batch) return;
    const out = augmentBatch(batch, featureShape, config, seed);
    for (let i = 0; i < batch.size; i++) {
      drawSample(originals.current[i] ?? null, batch.features.subarray(i * width, (i + 1) * width), featureShape);
      drawSample(augmented.current[i] ?? null, out.features.subarray(i * width, (i + 1) * width), featureShape);
    }
  }, [batch, config, seed, featureShape, width]);

  return (
    <section className="panel ds-aug" aria-label="Augmentation preview">
      <h2>Augmentation preview</h2>
      <p className="small muted">Applied at training time only, differently every epoch; stored samples never change.</p>
      <div className="row">
        <label className="row">
          <input
            type="checkbox"
            checked={config.flipHorizontal}
            onChange={(e) => setConfig({ ...config, flipHorizontal: e.target.checked })}
          />
          Flip left–right
        </label>
        <label className="row">
          <input type="checkbox" checked={config.flipVertical} onChange={(e) => setConfig({ ...config, flipVertical: e.target.checked })} />
          Flip top–bottom
        </label>
        {SLIDERS.map((s) => (
          <label key={s.key}>
            {s.label}: {config[s.key] as number}
            <input
              type="range"
              min={0}
              max={s.max}
              step={s.step}
              value={config[s.key] as number}
              onChange={(e) => setConfig({ ...config, [s.key]: Number(e.target.value) })}
            />
          </label>
        ))}
        <button type="button" onClick={() => setSeed(seed + 1)}>
          New draw
        </button>
      </div>
      {error ? <p className="alert error">{error}</p> : null}
      <div className="row" style={{ marginTop: '0.75rem' }}>
        {Array.from({ length: batch?.size ?? 0 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed row of preview slots
          <div key={i} className="stack" style={{ gap: '0.25rem' }}>
            <canvas
              ref={(el) => {
                originals.current[i] = el;
              }}
              aria-label={`Original ${i + 1}`}
            />
            <canvas
              ref={(el) => {
                augmented.current[i] = el;
              }}
              aria-label={`Augmented ${i + 1}`}
            />
          </div>
        ))}
      </div>
      <details className="small">
        <summary>Settings as JSON (for a run's training settings)</summary>
        <pre>{JSON.stringify(config, null, 2)}</pre>
      </details>
    </section>
  );
}
