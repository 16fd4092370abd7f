import { describe, expect, it } from 'vitest';
import { datasetWords, runName } from '@/components/training/run-name';

const run = { name: null, label: '', designName: 'LeNet', versionNumber: 2, dataset: 'builtin:digits', createdAt: '2026-12-03T09:05:00' };

describe('runName', () => {
  it('is made from the design, version, dataset and start, with no internal id', () => {
    expect(runName(run)).toBe('LeNet v2 · digits · 3 Dec 09:05');
  });

  it('adds what sets a sweep point apart, and uses a stored dataset by its name', () => {
    expect(runName({ ...run, label: 'learningRate=0.01', dataset: 'Flowers v3' })).toBe(
      'LeNet v2 · Flowers v3 · 3 Dec 09:05 · learningRate=0.01',
    );
    expect(datasetWords('builtin:spiral')).toBe('spiral');
  });

  it('is the name people gave it when they gave one', () => {
    expect(runName({ ...run, name: 'Wider hidden layer' })).toBe('Wider hidden layer');
  });
});
