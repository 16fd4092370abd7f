'use client';

import { useEffect, useRef } from 'react';
import { decodeMask } from '@/engine/data/mask-rle';
import { paintMaskOverlay } from './draw-sample';

/** A gallery thumbnail of a segmentation sample: its picture with its stored mask over it. */
export function MaskThumbnail({
  src,
  alt,
  mask,
  size,
}: {
  src: string;
  alt: string;
  mask: string;
  size: { width: number; height: number };
}) {
  const overlay = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const decoded = decodeMask(mask, size.width * size.height);
    if (overlay.current && 'pixels' in decoded) paintMaskOverlay(overlay.current, decoded.pixels, size.width, size.height);
  }, [mask, size]);
  return (
    <span className="ds-mask-thumb">
      {/* biome-ignore lint/performance/noImgElement: raw dataset samples, served by our API at their stored size */}
      <img src={src} alt={alt} loading="lazy" />
      <canvas ref={overlay} width={size.width} height={size.height} />
    </span>
  );
}
