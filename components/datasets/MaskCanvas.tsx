'use client';

import { type PointerEvent, useEffect, useRef, useState } from 'react';
import type { MaskSize, Point } from '@/engine/data/mask-paint';
import { paintMaskOverlay } from './draw-sample';
import type { MaskTool } from './mask-labeling-state';

/**
 * The painting surface of the mask labeller: the image, its mask laid over it in the class colours
 * (a canvas of the mask's own pixels, scaled up without smoothing, so every painted pixel shows as
 * the one that will be stored), the polygon being drawn and the brush's outline. It reports where
 * the pointer went in mask pixels; the labeller's state does the painting.
 */
export function MaskCanvas({
  src,
  alt,
  size,
  mask,
  tool,
  brush,
  polygon,
  opacity,
  onPaint,
  onCorner,
  onClose,
}: {
  src: string;
  alt: string;
  size: MaskSize;
  mask: Uint8Array;
  tool: MaskTool;
  brush: number;
  polygon: readonly Point[];
  opacity: number;
  onPaint: (from: Point, to: Point, startsStroke: boolean) => void;
  onCorner: (point: Point) => void;
  onClose: () => void;
}) {
  const overlay = useRef<HTMLCanvasElement>(null);
  const last = useRef<Point | null>(null);
  const [pointer, setPointer] = useState<Point | null>(null);

  useEffect(() => {
    if (overlay.current) paintMaskOverlay(overlay.current, mask, size.width, size.height);
  }, [mask, size]);

  const at = (event: PointerEvent<HTMLDivElement>): Point => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) / rect.width) * size.width, y: ((event.clientY - rect.top) / rect.height) * size.height };
  };

  function down(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    const point = at(event);
    if (tool === 'polygon') {
      // Clicking the first corner again closes the shape.
      const first = polygon[0];
      if (first && polygon.length >= 3 && Math.hypot(first.x - point.x, first.y - point.y) < Math.max(1, size.width / 40)) onClose();
      else onCorner(point);
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    last.current = point;
    onPaint(point, point, true);
  }

  function move(event: PointerEvent<HTMLDivElement>) {
    const point = at(event);
    setPointer(point);
    if (!last.current) return;
    onPaint(last.current, point, false);
    last.current = point;
  }

  const end = () => {
    last.current = null;
  };

  return (
    <div
      className="mask-canvas"
      role="application"
      aria-label="Painting surface: drag to paint, or click the corners of a polygon"
      data-testid="mask-canvas"
      style={{ aspectRatio: `${size.width} / ${size.height}` }}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={end}
      onPointerCancel={end}
      onPointerLeave={() => setPointer(null)}
      onDoubleClick={() => tool === 'polygon' && onClose()}
    >
      {/* biome-ignore lint/performance/noImgElement: a stored sample at its own size, scaled up pixel for pixel */}
      <img src={src} alt={alt} draggable={false} />
      <canvas ref={overlay} width={size.width} height={size.height} style={{ opacity }} />
      <svg viewBox={`0 0 ${size.width} ${size.height}`} preserveAspectRatio="none" aria-hidden="true">
        {polygon.length > 0 ? (
          <polyline
            points={[...polygon, ...(pointer ? [pointer] : [])].map((p) => `${p.x},${p.y}`).join(' ')}
            className="mask-polygon"
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
        {polygon.map((p, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: corners are only ever appended, so a corner's place is its identity
          <circle key={k} cx={p.x} cy={p.y} r={Math.max(0.4, size.width / 120)} className="mask-corner" />
        ))}
        {pointer && tool !== 'polygon' ? (
          <circle cx={pointer.x} cy={pointer.y} r={brush} className="mask-brush" vectorEffect="non-scaling-stroke" />
        ) : null}
      </svg>
    </div>
  );
}
