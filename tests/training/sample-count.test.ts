import { describe, expect, it } from 'vitest';
import { sampleCountWords } from '@/components/datasets/sample-count';

describe('sampleCountWords', () => {
  it('counts only labelled samples as labelled, and names the rest', () => {
    expect(sampleCountWords({ train: 30, validation: 5, test: 5, unlabelled: 6 })).toBe('40 labelled samples, 6 unlabelled');
  });
  it('says plainly how many samples a fully labelled version has', () => {
    expect(sampleCountWords({ train: 7000, validation: 1000, test: 2000, unlabelled: 0 })).toBe('10,000 samples');
    expect(sampleCountWords({ train: 1, validation: 0, test: 0, unlabelled: 0 })).toBe('1 sample');
  });
});
