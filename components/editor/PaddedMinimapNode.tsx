'use client';

import type { MiniMapNodeProps } from '@xyflow/react';
import { memo } from 'react';

/**
 * A minimap layer drawn as its box grown by `strokeWidth` on every side (the minimap's one numeric
 * per-node setting, here a padding from `minimapPadding`). Filled rather than outlined: outlines
 * hundreds of units wide made every pan frame several times slower to draw on software GL.
 */
function PaddedMinimapNodeView({
  x,
  y,
  width,
  height,
  color,
  className,
  borderRadius,
  shapeRendering,
  strokeWidth = 0,
  selected,
}: MiniMapNodeProps) {
  return (
    <rect
      className={['react-flow__minimap-node', selected ? 'selected' : '', className].filter(Boolean).join(' ')}
      x={x - strokeWidth}
      y={y - strokeWidth}
      width={width + 2 * strokeWidth}
      height={height + 2 * strokeWidth}
      rx={borderRadius}
      ry={borderRadius}
      style={{ fill: color }}
      shapeRendering={shapeRendering}
    />
  );
}

export const PaddedMinimapNode = memo(PaddedMinimapNodeView);
