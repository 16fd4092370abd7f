'use client';

import { useEffect, useRef, useState } from 'react';
import { BoxOverlay } from '@/components/training/DetectionImage';
import type { Batch } from '@/engine/data/batch-source';
import { labelToBoxes } from '@/engine/tasks/detection-boxes';
import { drawSample } from './draw-sample';
import { fetchBatch } from './http-batch-source';

const SAMPLES = 48;
/**
 * The preview reads the training split in a fixed shuffled order: several built-ins are stored
 * sorted by class (the digits start with a thousand zeros), so their first samples would all be alike.
 */
const PREVIEW_SEED = 1;

/** A fixed mix of a built-in's training samples: images drawn on canvases, or rows of a table. */
export function BuiltinPreview({
  name,
  featureShape,
  classes,
  image,
  labelSize = 1,
  masks = false,
  boxes = false,
}: {
  name: string;
  featureShape: number[];
  classes: string[] | null;
  image: boolean;
  /** Values per label: more than one for masks and rebuilt images, which have no one-word label. */
  labelSize?: number;
  /** The labels are masks (a class per pixel), drawn over their pictures. */
  masks?: boolean;
  /** The labels are boxes with classes, drawn over their pictures. */
  boxes?: boolean;
}) {
  const [batch, setBatch] = useState<Batch | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const width = featureShape.reduce((a, b) => a * b, 1);

  useEffect(() => {
    fetchBatch({ builtin: name }, { split: 'train', offset: 0, limit: SAMPLES, seed: PREVIEW_SEED }).then(setBatch, (e: Error) =>
      setError(e.message),
    );
  }, [name]);

  useEffect(() => {
    if (!batch || !image) return;
    for (let i = 0; i < batch.size; i++)
      drawSample(
        canvases.current[i] ?? null,
        batch.features.subarray(i * width, (i + 1) * width),
        featureShape,
        masks ? { mask: batch.labels.subarray(i * labelSize, (i + 1) * labelSize) } : {},
      );
  }, [batch, image, featureShape, width, masks, labelSize]);

  const labelOf = (i: number) => {
    if (boxes && batch) return `${labelToBoxes(batch.labels.subarray(i * labelSize, (i + 1) * labelSize)).length} box(es)`;
    if (labelSize > 1) return masks ? 'with its mask' : '';
    const label = batch?.labels[i] as number;
    return classes ? (classes[label] ?? String(label)) : Number(label.toPrecision(4));
  };
  if (error) return <p className="alert error">{error}</p>;
  if (!batch) return <p className="muted">Loading…</p>;
  return image ? (
    <div className="ds-gallery ds-aug">
      {Array.from({ length: batch.size }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed grid of samples
        <figure key={i}>
          <span className={boxes ? 'detection-image' : undefined}>
            <canvas
              ref={(el) => {
                canvases.current[i] = el;
              }}
              aria-label={`Sample ${i + 1}: ${labelOf(i)}`}
            />
            {boxes ? (
              <BoxOverlay boxes={labelToBoxes(batch.labels.subarray(i * labelSize, (i + 1) * labelSize))} classes={classes ?? []} />
            ) : null}
          </span>
          {labelOf(i)}
        </figure>
      ))}
    </div>
  ) : (
    <div className="ds-scroll">
      <table aria-label="Samples">
        <thead>
          <tr>
            {Array.from({ length: Math.min(width, 12) }, (_, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
              <th key={j}>x{j + 1}</th>
            ))}
            {width > 12 ? <th>…</th> : null}
            <th>label</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.min(batch.size, 20) }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
            <tr key={i}>
              {Array.from(batch.features.subarray(i * width, i * width + Math.min(width, 12)), (v, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                <td key={j}>{Number(v.toPrecision(4))}</td>
              ))}
              {width > 12 ? <td>…</td> : null}
              <td>{labelOf(i)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
