import { builtinInfo, loadBuiltinDataset } from '@/engine/data/builtins';
import { type InMemoryDataset, SPLIT } from '@/engine/data/dataset';
import type { DatasetMeta } from '@/engine/data/meta';
import { seededRandom, shuffledIndices } from '@/engine/data/random';
import { notFound } from '@/server/http/errors';
import { Lru } from './lru';
import type { ReadableSplit, SampleReader } from './sample-reader';

const orders = new Lru<Int32Array>(() => 16);
const generated = new Lru<InMemoryDataset>(() => 8);

/** The built-in's samples, as a reader (real built-ins stay loaded once per process). */
export async function builtinReader(name: string, seed?: number): Promise<SampleReader> {
  const info = builtinInfo(name);
  if (!info) throw notFound(`The built-in dataset "${name}"`);
  const key = `${name}:${seed ?? ''}`;
  const dataset = (await generated.get(
    key,
    async () => (await loadBuiltinDataset(name, seed === undefined ? {} : { seed })) as InMemoryDataset,
  ))!;
  const width = dataset.featureShape.reduce((a, b) => a * b, 1);
  const rows = (split: ReadableSplit): Int32Array => {
    if (split === 'unlabelled') return new Int32Array(0);
    const out: number[] = [];
    for (let i = 0; i < dataset.split.length; i++) if (dataset.split[i] === SPLIT[split]) out.push(i);
    return Int32Array.from(out);
  };
  const counts = { train: rows('train').length, validation: rows('validation').length, test: rows('test').length, unlabelled: 0 };
  const standardisation = (dataset as InMemoryDataset & { standardisation?: { mean: number[]; std: number[] } }).standardisation;
  const meta: DatasetMeta = {
    name,
    kind: info.kind,
    task: dataset.task,
    featureShape: dataset.featureShape,
    labelSize: dataset.labelSize,
    classes: dataset.classes ?? null,
    counts,
    source: info.source,
    license: info.license,
    // Built-ins arrive already scaled; the statistics are shown, not applied again.
    normalisation: standardisation ? { method: 'standard', ...standardisation } : null,
    text: dataset.text ?? null,
  };
  return {
    meta,
    count: (split) => (split === 'unlabelled' ? 0 : counts[split]),
    async read(split, offset, limit, shuffleSeed) {
      const order = await orders.get(`${key}:${split}:${shuffleSeed ?? ''}`, async () => {
        const base = rows(split);
        if (shuffleSeed === undefined) return base;
        const perm = shuffledIndices(base.length, seededRandom(shuffleSeed));
        return perm.map((i) => base[i] as number);
      });
      const picked = order.subarray(Math.max(0, offset), Math.max(0, Math.min(order.length, offset + limit)));
      const features = new Float32Array(picked.length * width);
      const labels = new Float32Array(picked.length * dataset.labelSize);
      picked.forEach((row, k) => {
        features.set(dataset.features.subarray(row * width, (row + 1) * width), k * width);
        labels.set(dataset.labels.subarray(row * dataset.labelSize, (row + 1) * dataset.labelSize), k * dataset.labelSize);
      });
      return { features, labels, size: picked.length, indexes: Int32Array.from(picked) };
    },
  };
}
