'use client';

import { useEffect, useRef } from 'react';
import { drawSample } from '@/components/datasets/draw-sample';

/**
 * One sample drawn as a picture (grey or colour, stretched to its own range), optionally with a mask
 * (a class per pixel) laid over it in the class colours at the given opacity.
 */
export function SampleImage({
  features,
  shape,
  mask,
  opacity = 0.55,
  label,
}: {
  features: number[];
  shape: number[];
  mask?: number[];
  opacity?: number;
  label?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    drawSample(canvas.current, features, shape, { stretch: true, opacity, ...(mask ? { mask } : {}) });
  }, [features, shape, mask, opacity]);
  return <canvas ref={canvas} className="samples__image" role="img" aria-label={label} />;
}
