import type { BatchSource } from '@/engine/data/batch-source';
import { batchesFromBlocks } from '@/engine/data/blocks';
import { builtinReader } from './read/builtin-reader';
import type { SampleReader } from './read/sample-reader';
import { versionReader } from './read/version-reader';

export type DatasetRef = { datasetVersionId: string } | { builtin: string; seed?: number };

/** Samples read per database round when a batch is smaller (reads stay few, memory stays small). */
const MIN_READ = 256;

/**
 * The dataset a training run refers to, as a BatchSource: a stored version streamed shard by shard
 * from the database (never loaded whole; memory is bounded by the shard cache), or a built-in.
 * Batches follow the version's saved splits; with a shuffle seed, each epoch's order is that seed's
 * (the same order the batches endpoint serves the browser). Features are Float32 (images 0–1,
 * tables normalised with the version's statistics), labels class indexes or targets.
 *
 * @example
 * const source = await openBatchSource({ datasetVersionId: run.datasetVersionId });
 * for await (const batch of source.batches('train', { batchSize: 32, shuffleSeed: epoch })) …
 */
export async function openBatchSource(ref: DatasetRef): Promise<BatchSource> {
  const reader = 'builtin' in ref ? await builtinReader(ref.builtin, ref.seed) : await versionReader(ref.datasetVersionId);
  return readerBatchSource(reader);
}

/** Wraps a SampleReader as a BatchSource, reading ahead by one block while a batch is in use. */
export function readerBatchSource(reader: SampleReader): BatchSource {
  const { meta } = reader;
  return {
    name: meta.name,
    task: meta.task,
    featureShape: meta.featureShape,
    labelSize: meta.labelSize,
    ...(meta.classes ? { classes: meta.classes } : {}),
    ...(meta.text ? { text: meta.text } : {}),
    count: (split) => reader.count(split),
    batches: (split, { batchSize, shuffleSeed }) =>
      batchesFromBlocks({
        total: reader.count(split),
        batchSize,
        minBlock: MIN_READ,
        width: meta.featureShape.reduce((a, b) => a * b, 1),
        labelSize: meta.labelSize,
        read: (offset, limit) => reader.read(split, offset, limit, shuffleSeed),
      }),
  };
}
