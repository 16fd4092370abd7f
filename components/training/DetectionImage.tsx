'use client';

import { maskColour } from '@/components/datasets/draw-sample';
import type { Box, ScoredBox } from '@/engine/tasks/detection-boxes';
import { SampleImage } from './SampleImage';

/** The colour of a detection class: the mask colours, skipping the background's black. */
export function boxColour(classIndex: number): string {
  const [r, g, b] = maskColour(classIndex + 1);
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * Boxes drawn over a picture in their class colours, each with its class and, for found boxes, its
 * score: an SVG laid over the picture in fractions of it, so the boxes stay sharp at any size. Its
 * parent must be positioned (`.detection-image`).
 */
export function BoxOverlay({ boxes, classes }: { boxes: readonly (Box | ScoredBox)[]; classes: readonly string[] }) {
  return (
    <svg className="box-overlay" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
      {boxes.map((b, i) => (
        <g
          // biome-ignore lint/suspicious/noArrayIndexKey: boxes are a fixed list per image, without ids
          key={i}
        >
          <rect
            x={b.x * 100}
            y={b.y * 100}
            width={b.width * 100}
            height={b.height * 100}
            fill="none"
            stroke={boxColour(b.classIndex)}
            strokeWidth={1.6}
            vectorEffect="non-scaling-stroke"
          />
          <text x={b.x * 100 + 1} y={Math.max(b.y * 100 - 1.5, 7)} fill={boxColour(b.classIndex)} fontSize={8}>
            {classes[b.classIndex] ?? b.classIndex}
            {'score' in b ? ` ${Math.round(b.score * 100)}%` : ''}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** One picture with its boxes (true or found) over it. */
export function DetectionImage({
  features,
  shape,
  boxes,
  classes,
  label,
}: {
  features: number[];
  shape: number[];
  boxes: readonly (Box | ScoredBox)[];
  classes: readonly string[];
  label: string;
}) {
  return (
    <figure className="detection-image" aria-label={label} data-boxes={boxes.length}>
      <SampleImage features={features} shape={shape} label={label} />
      <BoxOverlay boxes={boxes} classes={classes} />
    </figure>
  );
}
