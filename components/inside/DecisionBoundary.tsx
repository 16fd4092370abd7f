'use client';

import { useEffect, useRef } from 'react';
import type { DecisionGrid } from '@/engine/inspect/decision-grid';
import { classColour, digest } from './colours';
import type { PlanePoints } from './epoch-views';

const SIDE = 240;

/**
 * The network's answer over the plane of a 2-D set after the newest epoch: each cell in its
 * predicted class's colour, paler where the network is unsure, with the training points on top.
 */
export function DecisionBoundary({
  grid,
  points,
  epoch,
  classes,
}: {
  grid: DecisionGrid;
  points: PlanePoints | null;
  epoch: number;
  classes: string[];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const cell = SIDE / grid.size;
    for (let i = 0; i < grid.classes.length; i++) {
      const [r, g, b] = classColour(grid.classes[i] as number);
      const alpha = 0.15 + 0.6 * Math.max(0, ((grid.confidence[i] as number) - 0.3) / 0.7);
      context.fillStyle = `rgb(${mix(r, alpha)}, ${mix(g, alpha)}, ${mix(b, alpha)})`;
      context.fillRect((i % grid.size) * cell, Math.floor(i / grid.size) * cell, Math.ceil(cell), Math.ceil(cell));
    }
    if (!points) return;
    const { x, y } = grid.bounds;
    for (let k = 0; k < points.classes.length; k++) {
      const px = (((points.xy[2 * k] as number) - x[0]) / (x[1] - x[0])) * SIDE;
      const py = ((y[1] - (points.xy[2 * k + 1] as number)) / (y[1] - y[0])) * SIDE;
      const [r, g, b] = classColour(points.classes[k] as number);
      context.fillStyle = `rgb(${r}, ${g}, ${b})`;
      context.strokeStyle = 'white';
      context.beginPath();
      context.arc(px, py, 2.5, 0, 2 * Math.PI);
      context.fill();
      context.stroke();
    }
  }, [grid, points]);
  return (
    <figure className="inside-figure" aria-label="Decision boundary">
      <canvas
        ref={canvas}
        width={SIDE}
        height={SIDE}
        data-testid="decision-boundary"
        data-epoch={epoch}
        data-signature={digest(grid.confidence)}
        role="img"
        aria-label={`The classes the network predicts over the plane after epoch ${epoch + 1}`}
      />
      <figcaption className="small">
        After epoch {epoch + 1}:{' '}
        {classes.map((c, i) => {
          const [r, g, b] = classColour(i);
          return (
            <span key={c} className="inside-swatch">
              <span style={{ background: `rgb(${r}, ${g}, ${b})` }} aria-hidden="true" />
              {c}
            </span>
          );
        })}
        <span className="muted"> · paler where unsure</span>
      </figcaption>
    </figure>
  );
}

/** A channel blended towards white by `1 - alpha`. */
function mix(channel: number, alpha: number): number {
  return Math.round(255 - (255 - channel) * alpha);
}
