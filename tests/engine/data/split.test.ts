import { describe, expect, it } from 'vitest';
import { inMemoryBatchSource } from '@/engine/data/batch-source';
import { decodeBatch, encodeBatch } from '@/engine/data/batch-wire';
import { SPLIT } from '@/engine/data/dataset';
import { normaliseRows } from '@/engine/data/meta';
import { stratifiedSplit } from '@/engine/data/split';

describe('splits, normalisation and the batch wire format', () => {
  it('stratifies: every class keeps its share in each split, and the seed fixes the split', () => {
    const labels = Array.from({ length: 300 }, (_, i) => (i < 200 ? 0 : i < 280 ? 1 : 2));
    const split = stratifiedSplit(labels, { validation: 0.1, test: 0.2 }, 9);
    const count = (cls: number, s: number) => labels.filter((l, i) => l === cls && split[i] === s).length;
    expect([count(0, SPLIT.train), count(0, SPLIT.validation), count(0, SPLIT.test)]).toEqual([140, 20, 40]);
    expect([count(1, SPLIT.train), count(1, SPLIT.validation), count(1, SPLIT.test)]).toEqual([56, 8, 16]);
    expect([count(2, SPLIT.train), count(2, SPLIT.validation), count(2, SPLIT.test)]).toEqual([14, 2, 4]);
    expect(stratifiedSplit(labels, { validation: 0.1, test: 0.2 }, 9)).toEqual(split);
    expect(stratifiedSplit(labels, { validation: 0.1, test: 0.2 }, 10)).not.toEqual(split);
  });

  it('normalises rows with standard and min–max statistics', () => {
    const rows = Float32Array.of(1, 10, 3, 30);
    normaliseRows(rows, 2, { method: 'standard', mean: [2, 20], std: [1, 10] });
    expect(Array.from(rows)).toEqual([-1, -1, 1, 1]);
    const mm = Float32Array.of(0, 5, 10, 5);
    normaliseRows(mm, 2, { method: 'minmax', min: [0, 5], max: [10, 5] });
    expect(Array.from(mm)).toEqual([0, 0, 1, 0]);
  });

  it('encodes a batch as Float32 features then labels, and decodes it back', () => {
    const batch = { features: Float32Array.of(0.5, 1, 2, 3, 4, 5), labels: Float32Array.of(1, 2), size: 2 };
    const { body, headers } = encodeBatch(batch, [3], 1);
    expect(body.byteLength).toBe(32);
    const back = decodeBatch(body.buffer, new Headers(headers));
    expect(back.featureShape).toEqual([3]);
    expect(Array.from(back.features)).toEqual([0.5, 1, 2, 3, 4, 5]);
    expect(Array.from(back.labels)).toEqual([1, 2]);
    expect(() => decodeBatch(body.buffer.slice(0, 28), new Headers(headers))).toThrow(/32 bytes/);
  });

  it('in-memory batches cover a split exactly once per epoch, shuffled by the seed', async () => {
    const labels = Float32Array.from({ length: 50 }, (_, i) => i % 2);
    const dataset = {
      name: 't',
      source: '',
      task: 'classification' as const,
      featureShape: [1],
      features: Float32Array.from({ length: 50 }, (_, i) => i),
      labels,
      labelSize: 1,
      classes: ['a', 'b'],
      split: stratifiedSplit(labels, { validation: 0.2, test: 0.2 }, 1),
    };
    const source = inMemoryBatchSource(dataset);
    const seen: number[] = [];
    for await (const b of source.batches('train', { batchSize: 7, shuffleSeed: 3 })) seen.push(...b.features);
    expect(seen.length).toBe(source.count('train'));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toEqual([...seen].sort((a, b) => a - b));
  });
});
