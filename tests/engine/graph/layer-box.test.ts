import { describe, expect, it } from 'vitest';
import { layerBox, NODE_HEIGHT, NODE_WIDTH, portOffset } from '../../../engine/graph/layer-box';

describe('layerBox', () => {
  it('gives the node size and one port box per port, inputs on top and outputs below', () => {
    const box = layerBox({ inputs: ['in:0', 'in:1'], outputs: ['out:0'] });
    expect(box).toMatchObject({ width: NODE_WIDTH, height: NODE_HEIGHT });
    expect(box.handles.map((h) => [h.id, h.type, h.position])).toEqual([
      ['in:0', 'target', 'top'],
      ['in:1', 'target', 'top'],
      ['out:0', 'source', 'bottom'],
    ]);
    const [a, b, out] = box.handles;
    // Port centres at a third and two thirds of the width inside the 1 px border; the single output in the middle.
    expect(a && a.x + a.width / 2).toBeCloseTo(1 + (218 * 1) / 3);
    expect(b && b.x + b.width / 2).toBeCloseTo(1 + (218 * 2) / 3);
    expect(out && out.x + out.width / 2).toBeCloseTo(NODE_WIDTH / 2);
    // Each port's centre sits on the node's edge line, half outside it.
    expect(a && a.y + a.height / 2).toBeCloseTo(-5);
    expect(out && out.y + out.height / 2).toBeCloseTo(NODE_HEIGHT + 5);
  });

  it('places ports evenly', () => {
    expect([0, 1, 2].map((i) => portOffset(i, 3))).toEqual([25, 50, 75]);
    expect(layerBox({ inputs: [], outputs: [] }).handles).toEqual([]);
  });
});
