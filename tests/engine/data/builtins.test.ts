import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASETS, loadBuiltinDataset } from '@/engine/data/builtins';
import { SPLIT, sampleCount } from '@/engine/data/dataset';

function splitCounts(split: Uint8Array): number[] {
  const counts = [0, 0, 0];
  for (const s of split) counts[s] = (counts[s] as number) + 1;
  return counts;
}

describe('built-in datasets', () => {
  it('lists every built-in with a source and a license', () => {
    expect(BUILTIN_DATASETS.map((d) => d.name)).toEqual([
      'digits',
      'fashion',
      'digits-rebuild',
      'digits-segment',
      'shapes',
      'shapes-boxes',
      'raccoons',
      'iris',
      'diabetes',
      'austen',
      'signals',
      'spiral',
      'xor',
      'circles',
      'gaussians',
    ]);
    for (const d of BUILTIN_DATASETS) {
      expect(d.source.length, d.name).toBeGreaterThan(5);
      expect(d.license.length, d.name).toBeGreaterThan(2);
    }
  });

  it.each(BUILTIN_DATASETS.map((d) => [d.name]))('%s loads offline with consistent shapes, labels and three splits', async (name) => {
    const dataset = await loadBuiltinDataset(name);
    expect(dataset).toBeDefined();
    if (!dataset) return;
    const n = sampleCount(dataset);
    const width = dataset.featureShape.reduce((a, b) => a * b, 1);
    expect(dataset.features.length).toBe(n * width);
    expect(dataset.split.length).toBe(n);
    const counts = splitCounts(dataset.split);
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(dataset.features.every(Number.isFinite)).toBe(true);
    if (dataset.task === 'classification') {
      const classes = dataset.classes?.length ?? 0;
      expect(dataset.labels.every((l) => Number.isInteger(l) && l >= 0 && l < classes)).toBe(true);
    }
  });

  it('digits: all 10,000 real digits, 28×28 in 0–1, stratified 70/10/20 with a test split', async () => {
    const digits = (await loadBuiltinDataset('digits'))!;
    expect(sampleCount(digits)).toBe(10_000);
    expect(digits.featureShape).toEqual([28, 28, 1]);
    expect(Math.min(...digits.features.subarray(0, 50_000))).toBe(0);
    expect(Math.max(...digits.features.subarray(0, 50_000))).toBeLessThanOrEqual(1);
    expect(splitCounts(digits.split)).toEqual([7001, 999, 2000]);
    // Every digit appears in the test split in proportion (digit 5 has only 863 examples).
    const testPerClass = new Array(10).fill(0);
    digits.labels.forEach((l, i) => {
      if (digits.split[i] === SPLIT.test) testPerClass[l]++;
    });
    expect(testPerClass[5]).toBe(Math.round(863 * 0.2));
    // Fixed split: the same every time.
    expect((await loadBuiltinDataset('digits'))!.split).toEqual(digits.split);
  });

  it('fashion: 10,000 Fashion-MNIST test images with the ten clothing classes', async () => {
    const fashion = (await loadBuiltinDataset('fashion'))!;
    expect(sampleCount(fashion)).toBe(10_000);
    expect(fashion.classes).toContain('Ankle boot');
    const perClass = new Array(10).fill(0);
    for (const l of fashion.labels) perClass[l]++;
    expect(perClass).toEqual(new Array(10).fill(1000));
  });

  it('iris and diabetes: the real tables', async () => {
    const iris = (await loadBuiltinDataset('iris'))!;
    expect(sampleCount(iris)).toBe(150);
    expect(Array.from(iris.features.subarray(0, 4)).map((v) => Number(v.toFixed(1)))).toEqual([5.1, 3.5, 1.4, 0.2]);
    const diabetes = (await loadBuiltinDataset('diabetes'))!;
    expect(diabetes.task).toBe('regression');
    expect(sampleCount(diabetes)).toBe(442);
    expect(diabetes.labels[0]).toBe(151);
  });

  it('generated sets follow their seed', async () => {
    for (const name of ['spiral', 'xor', 'circles', 'gaussians', 'signals']) {
      const a = (await loadBuiltinDataset(name, { seed: 7 }))!;
      const b = (await loadBuiltinDataset(name, { seed: 7 }))!;
      const c = (await loadBuiltinDataset(name, { seed: 8 }))!;
      expect(a.features, name).toEqual(b.features);
      expect(a.features, name).not.toEqual(c.features);
    }
  });

  it('answers undefined for an unknown name', async () => {
    expect(await loadBuiltinDataset('nope')).toBeUndefined();
  });
});
