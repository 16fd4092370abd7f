'use client';

import { useEffect, useRef } from 'react';
import type { LayerOutput } from '@/engine/inspect/layer-outputs';
import { digest } from './colours';

/**
 * An image-shaped output (`height × width × 1` or `× 3`) as a picture: grey for one channel (a mask,
 * a depth map), colour for three. Values already in 0–1 (a sigmoid's mask, a picture scaled 0–1)
 * are drawn as they are, so an empty mask stays black; others are stretched from their smallest to
 * their largest.
 */
export function OutputPicture({ output, label, size = 192 }: { output: LayerOutput; label: string; size?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [height, width, channels] = output.shape as [number, number, number];
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const unit = output.min >= 0 && output.max <= 1;
    const low = unit ? 0 : output.min;
    const span = unit ? 1 : Math.max(1e-9, output.max - output.min);
    const image = context.createImageData(width, height);
    for (let p = 0; p < width * height; p++) {
      const at = (c: number) => Math.round((((output.values[p * channels + c] as number) - low) / span) * 255);
      const grey = at(0);
      image.data.set(channels === 3 ? [at(0), at(1), at(2), 255] : [grey, grey, grey, 255], p * 4);
    }
    context.putImageData(image, 0, 0);
  }, [output, width, height, channels]);
  const scale = size / Math.max(width, height);
  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      className="output-picture"
      style={{ width: width * scale, height: height * scale }}
      data-testid="output-picture"
      data-signature={digest(output.values)}
      role="img"
      aria-label={`${label}: ${width} × ${height}, values from ${output.min.toPrecision(3)} to ${output.max.toPrecision(3)}`}
    />
  );
}
