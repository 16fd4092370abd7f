import { describe, expect, it } from 'vitest';
import { histogram } from '@/components/datasets/TargetHistogram';

describe('target histogram', () => {
  it('bins finite values into equal-width ranges, the maximum in the last bin', () => {
    const { edges, counts } = histogram(Float32Array.of(0, 1, 2, 3, 4, Number.NaN, 10), 5);
    expect(edges).toEqual([0, 2, 4, 6, 8, 10]);
    expect(counts).toEqual([2, 2, 1, 0, 1]);
  });

  it('copes with one value and with none', () => {
    expect(histogram([5, 5], 4).counts).toEqual([2, 0, 0, 0]);
    expect(histogram([Number.NaN])).toEqual({ edges: [0, 1], counts: [0] });
  });
});
