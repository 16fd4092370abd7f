import type { GraphDoc } from '@/engine/graph/schema';
import { NODE_HEIGHT, NODE_WIDTH } from '@/engine/import/layout';
import { layerSpec } from '@/engine/layers/registry';
import { categoryColor } from './categories';

export interface Preview {
  viewBox: string;
  rects: { id: string; x: number; y: number; width: number; height: number; color: string }[];
  /** SVG path data of each connection; skip connections bow out to the side so they stand out. */
  lines: { id: string; d: string; skip: boolean }[];
}

/**
 * A thumbnail of a network: its layers as boxes in their category colours where they sit on the
 * canvas, and its connections as lines. Pure data for a tiny SVG (template gallery).
 */
export function previewOf(doc: GraphDoc): Preview {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const rects = doc.nodes.map((n) => ({
    id: n.id,
    x: n.position.x,
    y: n.position.y,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    color: categoryColor(layerSpec(n.type)?.category),
  }));
  const lines = doc.edges.flatMap((e) => {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) return [];
    const rows = (b.position.y - a.position.y) / (NODE_HEIGHT + 50);
    if (a.position.x === b.position.x && rows > 1.5) {
      // A connection that jumps over layers: from the side of one box to the side of the other.
      const x = a.position.x + NODE_WIDTH;
      const y1 = a.position.y + NODE_HEIGHT / 2;
      const y2 = b.position.y + NODE_HEIGHT / 2;
      const bow = 60 + rows * 28;
      return [{ id: e.id, d: `M${x} ${y1} C${x + bow} ${y1} ${x + bow} ${y2} ${x} ${y2}`, skip: true }];
    }
    const x1 = a.position.x + NODE_WIDTH / 2;
    const y1 = a.position.y + NODE_HEIGHT;
    const x2 = b.position.x + NODE_WIDTH / 2;
    const y2 = b.position.y;
    return [{ id: e.id, d: `M${x1} ${y1} L${x2} ${y2}`, skip: false }];
  });
  if (rects.length === 0) return { viewBox: '0 0 100 100', rects, lines };
  const minX = Math.min(...rects.map((r) => r.x)) - 40;
  const minY = Math.min(...rects.map((r) => r.y)) - 40;
  const maxX = Math.max(...rects.map((r) => r.x + r.width)) + (lines.some((l) => l.skip) ? 260 : 40);
  const maxY = Math.max(...rects.map((r) => r.y + r.height)) + 40;
  return { viewBox: `${minX} ${minY} ${maxX - minX} ${maxY - minY}`, rects, lines };
}
