import { SPLIT } from '@/engine/data/dataset';
import { type DatasetMeta, normaliseRows } from '@/engine/data/meta';
import { seededRandom, shuffledIndices } from '@/engine/data/random';
import { NO_SPLIT } from '@/server/datasets/manifest';
import { Lru } from './lru';
import type { ReadableSplit, SampleReader } from './sample-reader';
import { readShard } from './shard-cache';
import { loadVersionData, shardOf, type VersionData } from './version-data';

const orders = new Lru<Int32Array>(
  () => 16 * 1024 * 1024,
  (o) => o.byteLength,
);

const CODE: Record<ReadableSplit, number> = { ...SPLIT, unlabelled: NO_SPLIT };

/**
 * The order in which a split's samples are read. Without a seed: stored order. With one: the
 * shards in a shuffled order, and the split's samples of each shard shuffled — the stored order is
 * itself a shuffle made when the data was stored, so this mixes classes well while each shard is
 * read once per epoch (bounded memory, one database read per shard).
 */
export function splitOrder(data: VersionData, split: ReadableSplit, seed?: number): Int32Array {
  const code = CODE[split];
  const shardCount = data.manifest.shards.length;
  const out: number[] = [];
  const random = seed === undefined ? null : seededRandom(seed);
  const shardOrder = random ? shuffledIndices(shardCount, random) : Int32Array.from({ length: shardCount }, (_, i) => i);
  for (const s of shardOrder) {
    const members: number[] = [];
    for (let i = data.shardStarts[s] as number; i < (data.shardStarts[s + 1] as number); i++) if (data.split[i] === code) members.push(i);
    if (random) for (const k of shuffledIndices(members.length, random)) out.push(members[k] as number);
    else out.push(...members);
  }
  return Int32Array.from(out);
}

/** A stored dataset version as a reader: shards streamed from the database through the shard cache. */
export async function versionReader(versionId: string): Promise<SampleReader> {
  const data = await loadVersionData(versionId);
  const { meta: vm, manifest } = data;
  const width = manifest.sampleSize;
  const meta: DatasetMeta = {
    name: data.name,
    kind: vm.kind,
    task: vm.task,
    featureShape: vm.featureShape,
    labelSize: vm.labelSize,
    classes: vm.classes,
    counts: vm.counts,
    source: data.source,
    license: vm.license,
    normalisation: vm.normalisation,
    text: vm.text?.encoding ?? null,
  };
  const counts = vm.counts;
  return {
    meta,
    count: (split) => counts[split],
    async read(split, offset, limit, seed) {
      const order = await orders.get(`${versionId}:${split}:${seed ?? ''}`, async () => splitOrder(data, split, seed));
      const picked = order.subarray(Math.max(0, offset), Math.max(0, Math.min(order.length, offset + limit)));
      const features = new Float32Array(picked.length * width);
      const labels = new Float32Array(picked.length * vm.labelSize);
      let shardIndex = -1;
      let shard: Uint8Array | null = null;
      let values: Uint8Array | Float32Array | null = null;
      for (let k = 0; k < picked.length; k++) {
        const sample = picked[k] as number;
        const s = shardOf(data.shardStarts, sample);
        if (s !== shardIndex) {
          shardIndex = s;
          shard = await readShard(manifest.shards[s]!.hash);
          values = manifest.dtype === 'uint8' ? shard : new Float32Array(shard.buffer, shard.byteOffset, shard.byteLength / 4);
        }
        const at = (sample - (data.shardStarts[s] as number)) * width;
        const source = (values as Uint8Array | Float32Array).subarray(at, at + width);
        if (manifest.dtype === 'uint8') for (let j = 0; j < width; j++) features[k * width + j] = (source[j] as number) / 255;
        else features.set(source, k * width);
        labels.set(data.labels.subarray(sample * vm.labelSize, (sample + 1) * vm.labelSize), k * vm.labelSize);
      }
      if (manifest.dtype === 'float32') normaliseRows(features, width, vm.normalisation);
      return { features, labels, size: picked.length, indexes: Int32Array.from(picked) };
    },
  };
}
