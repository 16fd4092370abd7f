import { describe, expect, it } from 'vitest';
import { settingLabel } from '@/components/training/setting-label';
import { flattenSettings } from '@/components/training/settings-diff';

describe('settingLabel', () => {
  it.each([
    ['learningRate', 'Learning rate'],
    ['batchSize', 'Batch size'],
    ['validationSplit', 'Validation split'],
    ['keepBest', 'Keep best'],
    ['version', 'Version'],
    ['backend', 'Backend'],
    ['schedule.kind', 'Schedule: kind'],
    ['earlyStopping.patience', 'Early stopping: patience'],
    ['augmentation.rotation', 'Augmentation: rotation'],
    ['augmentation.flipHorizontal', 'Augmentation: flip horizontal'],
    ['units.d1', 'Units of d1'],
  ])('%s reads "%s"', (key, label) => {
    expect(settingLabel(key)).toBe(label);
  });

  it('names a Dense layer by its name when it is known', () => {
    expect(settingLabel('units.n7', { n7: 'hidden' })).toBe('Units of hidden');
  });

  it('gives every flattened setting of a real run a label without camel case', () => {
    const flat = flattenSettings({
      id: 'r1',
      versionNumber: 2,
      dataset: 'builtin:digits',
      place: 'browser',
      backend: 'wasm',
      config: {
        training: { learningRate: 0.01, batchSize: 64, schedule: { kind: 'step', every: 2, factor: 0.5 }, earlyStopping: null },
        augmentation: { rotation: 10 },
        units: { d1: 32 },
      },
    });
    for (const key of Object.keys(flat)) expect(settingLabel(key)).not.toMatch(/[a-z][A-Z]/);
  });
});
