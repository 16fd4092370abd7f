import { describe, expect, it } from 'vitest';
import { minimapPadding } from '../../../components/editor/minimap-padding';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../engine/import/layout';

const column = (n: number) => Array.from({ length: n }, (_, i) => ({ position: { x: 0, y: i * (NODE_HEIGHT + 50) } }));
const BOX = { width: 180, height: 120 };

describe('minimapPadding', () => {
  it('leaves a compact diagram as it is', () => {
    expect(minimapPadding(column(9), BOX)).toBe(0);
    expect(minimapPadding([], BOX)).toBe(0);
  });

  it('grows the layers of a long column so that each is a few minimap pixels wide', () => {
    const layers = column(162);
    const padding = minimapPadding(layers, BOX);
    const height = 161 * (NODE_HEIGHT + 50) + NODE_HEIGHT;
    const unitsPerPixel = height / BOX.height;
    // As it is the column would be under one and a half pixels wide.
    expect(NODE_WIDTH / unitsPerPixel).toBeLessThan(1.5);
    expect((NODE_WIDTH + 2 * padding) / unitsPerPixel).toBeGreaterThanOrEqual(2.9);
    expect((NODE_HEIGHT + 2 * padding) / unitsPerPixel).toBeGreaterThanOrEqual(2.9);
  });

  it('uses the sizes React Flow measured when there are any', () => {
    const wide = [
      { position: { x: 0, y: 0 }, measured: { width: 20_000, height: 84 } },
      { position: { x: 0, y: 200 }, measured: { width: 220, height: 84 } },
    ];
    expect(minimapPadding(wide, BOX)).toBeGreaterThan(0);
  });
});
