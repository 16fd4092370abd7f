import { SPLIT } from '@/engine/data/dataset';
import { seededRandom, shuffledIndices } from '@/engine/data/random';
import { stratifiedSplit } from '@/engine/data/split';
import { writeBlob } from '@/server/blobs/write-blob';
import type { SplitOptions } from '@/server/datasets/ingest/options';
import type { Staging } from '@/server/datasets/ingest/staging';
import { NO_SPLIT } from '@/server/datasets/manifest';

/** Bytes of samples per shard (at most 4,096 samples): one database read serves many batches. */
const SHARD_BYTES = 4 * 1024 * 1024;
const MAX_SHARD_SAMPLES = 4096;

/** Media types of the blobs dataset versions are made of (and only they). */
export const DATASET_MEDIA_TYPES = [
  'application/x-netcanvas-shard',
  'application/x-netcanvas-labels',
  'application/x-netcanvas-split',
  'application/x-netcanvas-names+json',
];

/** Blobs this write stored for the first time: the ones to delete if the version is never committed. */
export type CreatedBlobs = Set<string>;

async function store(bytes: Uint8Array, mediaType: string, created: CreatedBlobs): Promise<string> {
  const stored = await writeBlob(bytes, { mediaType });
  if (!stored.deduplicated) created.add(stored.hash);
  return stored.hash;
}

/**
 * Assigns each labelled sample to train / validation / test (seeded; stratified by class for
 * classification), unlabelled samples to none.
 */
export function assignSplit(labels: Float32Array, labelSize: number, options: SplitOptions, classification: boolean): Uint8Array {
  const split = new Uint8Array(labels.length / labelSize).fill(NO_SPLIT);
  const labelled: number[] = [];
  for (let i = 0; i < split.length; i++) if (!Number.isNaN(labels[i * labelSize])) labelled.push(i);
  const assigned = stratifiedSplit(
    labelled.map((i) => labels[i * labelSize] as number),
    { validation: options.validation, test: options.test },
    options.seed,
    classification && options.stratify,
  );
  labelled.forEach((sample, k) => {
    split[sample] = assigned[k] as number;
  });
  return split;
}

/**
 * The stored order of a new version's samples: a seeded shuffle of the staged ones, so that every
 * shard holds a mix of classes however the upload was ordered (folders arrive class by class).
 */
export function storedOrder(count: number, seed: number): Int32Array {
  return shuffledIndices(count, seededRandom(seed ^ 0x5eed));
}

/** `items` in a stored order (see storedOrder). */
export function reorder<T>(items: ArrayLike<T>, order: Int32Array): T[] {
  return Array.from(order, (i) => items[i] as T);
}

export interface ShardWriteOptions {
  dtype: 'uint8' | 'float32';
  /** Values per stored sample. */
  sampleSize: number;
  /** Staged record → stored values (tables: fill missing values, expand categories). */
  transform?: (record: Uint8Array, out: Float32Array) => void;
  /** Sees every stored sample with its split (for statistics). */
  onSample?: (values: Float32Array | Uint8Array, split: number) => void;
}

/** Writes the staged samples, in `order`, into shard blobs; returns the manifest's shard list. */
export async function writeShards(
  staging: Staging,
  order: Int32Array,
  split: Uint8Array,
  options: ShardWriteOptions,
  created: CreatedBlobs,
): Promise<{ hash: string; count: number }[]> {
  const bytesPerSample = options.sampleSize * (options.dtype === 'uint8' ? 1 : 4);
  const perShard = Math.max(1, Math.min(MAX_SHARD_SAMPLES, Math.floor(SHARD_BYTES / bytesPerSample)));
  const record = new Uint8Array(staging.recordBytes);
  const shards: { hash: string; count: number }[] = [];
  for (let start = 0; start < order.length; start += perShard) {
    const count = Math.min(perShard, order.length - start);
    const bytes = new Uint8Array(count * bytesPerSample);
    const floats = options.dtype === 'float32' ? new Float32Array(bytes.buffer) : null;
    for (let k = 0; k < count; k++) {
      staging.read(order[start + k] as number, record);
      if (floats) {
        const out = floats.subarray(k * options.sampleSize, (k + 1) * options.sampleSize);
        if (options.transform) options.transform(record, out);
        else out.set(new Float32Array(record.buffer, record.byteOffset, options.sampleSize));
        options.onSample?.(out, split[start + k] as number);
      } else {
        bytes.set(record, k * bytesPerSample);
        options.onSample?.(record, split[start + k] as number);
      }
    }
    shards.push({ hash: await store(bytes, 'application/x-netcanvas-shard', created), count });
  }
  return shards;
}

/** Stores labels, split and sample names as the small per-version blobs. */
export async function writeIndexBlobs(
  labels: Float32Array,
  split: Uint8Array,
  names: string[] | null,
  created: CreatedBlobs,
): Promise<{ labels: string; split: string; names: string | null }> {
  return {
    labels: await store(new Uint8Array(labels.buffer, labels.byteOffset, labels.byteLength), 'application/x-netcanvas-labels', created),
    split: await store(split, 'application/x-netcanvas-split', created),
    names: names ? await store(new TextEncoder().encode(JSON.stringify(names)), 'application/x-netcanvas-names+json', created) : null,
  };
}

/** Per-split and per-class counts of labelled samples. */
export function countSamples(labels: Float32Array, labelSize: number, split: Uint8Array, classCount: number | null) {
  const counts = { train: 0, validation: 0, test: 0, unlabelled: 0 };
  const classCounts = classCount === null ? null : new Array<number>(classCount).fill(0);
  for (let i = 0; i < split.length; i++) {
    const s = split[i] as number;
    if (s === SPLIT.train) counts.train++;
    else if (s === SPLIT.validation) counts.validation++;
    else if (s === SPLIT.test) counts.test++;
    else counts.unlabelled++;
    const label = labels[i * labelSize] as number;
    if (classCounts && !Number.isNaN(label)) classCounts[label] = (classCounts[label] as number) + 1;
  }
  return { counts, classCounts };
}
