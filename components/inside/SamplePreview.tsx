'use client';

import { useEffect, useRef } from 'react';
import { digest } from './colours';

/** The network's input as it sees it: an image drawn from its 0–1 values (grey or RGB), or a row's numbers. */
export function SamplePreview({ sample, shape }: { sample: Float32Array; shape: number[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [height, width, channels] = shape as [number, number, number];
  const isImage = shape.length === 3 && (channels === 1 || channels === 3);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !isImage) return;
    const image = context.createImageData(width, height);
    for (let p = 0; p < width * height; p++) {
      const at = (k: number) => Math.round(Math.max(0, Math.min(1, sample[p * channels + (channels === 1 ? 0 : k)] as number)) * 255);
      image.data.set([at(0), at(1), at(2), 255], p * 4);
    }
    context.putImageData(image, 0, 0);
  }, [sample, isImage, width, height, channels]);
  if (!isImage) {
    return (
      <p className="small" data-testid="sample-preview" data-signature={digest(sample)}>
        Input:{' '}
        <code>
          [{Array.from(sample.slice(0, 12), (v) => v.toFixed(2)).join(', ')}
          {sample.length > 12 ? ', …' : ''}]
        </code>
      </p>
    );
  }
  const scale = 112 / Math.max(width, height);
  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      className="sample-preview"
      style={{ width: width * scale, height: height * scale }}
      data-testid="sample-preview"
      data-signature={digest(sample)}
      role="img"
      aria-label="The input the network sees"
    />
  );
}
