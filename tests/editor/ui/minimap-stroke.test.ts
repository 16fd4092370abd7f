import { describe, expect, it } from 'vitest';
import { minimapStroke } from '../../../components/editor/minimap-stroke';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../engine/import/layout';

const column = (n: number) => Array.from({ length: n }, (_, i) => ({ position: { x: 0, y: i * (NODE_HEIGHT + 50) } }));
const BOX = { width: 180, height: 120 };

describe('minimapStroke', () => {
  it('leaves a compact diagram as it is', () => {
    expect(minimapStroke(column(9), BOX)).toBe(0);
    expect(minimapStroke([], BOX)).toBe(0);
  });

  it('outlines the layers of a long column so that each is a few minimap pixels wide', () => {
    const layers = column(162);
    const stroke = minimapStroke(layers, BOX);
    const height = 161 * (NODE_HEIGHT + 50) + NODE_HEIGHT;
    const unitsPerPixel = height / BOX.height;
    // Without the outline the column would be under one and a half pixels wide.
    expect(NODE_WIDTH / unitsPerPixel).toBeLessThan(1.5);
    expect((NODE_WIDTH + stroke) / unitsPerPixel).toBeGreaterThanOrEqual(2.9);
  });

  it('uses the sizes React Flow measured when there are any', () => {
    const wide = [
      { position: { x: 0, y: 0 }, measured: { width: 20_000, height: 84 } },
      { position: { x: 0, y: 200 }, measured: { width: 220, height: 84 } },
    ];
    expect(minimapStroke(wide, BOX)).toBeGreaterThan(0);
  });
});
