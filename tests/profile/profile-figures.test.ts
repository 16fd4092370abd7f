import { describe, expect, it } from 'vitest';
import { formatMs, heatColour, layerFigures } from '../../components/profile/profile-figures';
import { PROFILE_OFF, profileReducer } from '../../components/profile/profile-lifecycle';
import { analyse } from '../../engine/analysis/analyse';
import type { GraphDoc } from '../../engine/graph/schema';
import type { LayerProfile } from '../../engine/inspect/profile-layers';
import { templateGraph } from '../../engine/templates';

const row = (nodeId: string, forwardMs: number, backwardMs: number): LayerProfile => ({
  layer: nodeId,
  nodeId,
  className: 'Dense',
  forwardMs,
  backwardMs,
  activationBytes: 64,
  weightBytes: 128,
});

describe('layerFigures', () => {
  it('gives each layer its share of the total time and marks the one slowest layer', () => {
    const figures = layerFigures([row('a', 1, 1), row('b', 4, 2), row('c', 1, 1)]);
    expect(figures.get('b')).toMatchObject({ ms: 6, share: 0.6, slowest: true });
    expect(figures.get('a')).toMatchObject({ ms: 2, share: 0.2, slowest: false });
    expect([...figures.values()].filter((f) => f.slowest)).toHaveLength(1);
  });

  it('colours a larger share hotter and writes short times', () => {
    const hue = (s: string) => Number(/hsl\((\d+)/.exec(s)?.[1]);
    expect(hue(heatColour(0.9))).toBeLessThan(hue(heatColour(0.1)));
    expect(formatMs(0.4213)).toBe('0.42 ms');
    expect(formatMs(3.24)).toBe('3.2 ms');
    expect(formatMs(123.4)).toBe('123 ms');
  });
});

describe('profileReducer', () => {
  const measured = analyse(templateGraph('lenet5') as GraphDoc);
  it('goes from starting through each layer to its figures, and off again', () => {
    let state = profileReducer(PROFILE_OFF, { type: 'start', batchSize: 16, measured });
    state = profileReducer(state, { type: 'worker', message: { type: 'backend', backend: 'wasm' }, measured });
    state = profileReducer(state, { type: 'worker', message: { type: 'layer', index: 5, count: 8, layer: 'flatten_1' }, measured });
    expect(state).toMatchObject({ status: 'running', backend: 'wasm', index: 5, count: 8 });
    state = profileReducer(state, { type: 'worker', message: { type: 'done', backend: 'wasm', rows: [row('a', 1, 1)] }, measured });
    expect(state).toMatchObject({ status: 'done', backend: 'wasm', batchSize: 16, measured });
    expect(profileReducer(state, { type: 'stop' })).toBe(PROFILE_OFF);
  });

  it('ignores a late worker message once the overlay is off', () => {
    const late = profileReducer(PROFILE_OFF, { type: 'worker', message: { type: 'done', backend: 'cpu', rows: [] }, measured });
    expect(late).toBe(PROFILE_OFF);
  });
});
