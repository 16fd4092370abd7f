import { NODE_HEIGHT, NODE_WIDTH } from '@/engine/import/layout';

/** How thick, in minimap pixels, a layer is drawn at the least. */
const MIN_PIXELS = 3;

interface Placed {
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
}

/**
 * How far (in flow units) to grow each layer's box in a minimap of `box` pixels so that every layer
 * stays visible. The minimap scales the whole diagram into its box, so a long single column — a
 * 162-layer MobileNet is 95 times taller than wide — would shrink to a line a pixel wide; grown by
 * this much, each layer is at least a few pixels across. Diagrams that fit comfortably get none.
 */
export function minimapPadding(nodes: readonly Placed[], box: { width: number; height: number }): number {
  if (nodes.length === 0) return 0;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    minX = Math.min(minX, node.position.x);
    minY = Math.min(minY, node.position.y);
    maxX = Math.max(maxX, node.position.x + (node.measured?.width ?? NODE_WIDTH));
    maxY = Math.max(maxY, node.position.y + (node.measured?.height ?? NODE_HEIGHT));
  }
  const unitsPerPixel = Math.max((maxX - minX) / box.width, (maxY - minY) / box.height);
  const missing = MIN_PIXELS * unitsPerPixel - Math.min(NODE_WIDTH, NODE_HEIGHT);
  return missing > 0 ? Math.round(missing / 2) : 0;
}
