import type { Batch, SplitName } from '@/engine/data/batch-source';
import type { DatasetMeta } from '@/engine/data/meta';

/** A split to read: the three of training, or the samples still waiting for a label. */
export type ReadableSplit = SplitName | 'unlabelled';

/**
 * Random access to a dataset's samples in a seeded order: what the batches endpoint and the
 * server-side BatchSource both read through, so a seed gives the same batches everywhere.
 */
export interface SampleReader {
  readonly meta: DatasetMeta;
  count(split: ReadableSplit): number;
  /**
   * Samples `offset … offset + limit − 1` of a split: stored order without a seed, else the
   * seed's shuffle. Features as Float32 (images 0–1, tables normalised), labels as class indexes
   * or targets (NaN for unlabelled samples).
   */
  read(split: ReadableSplit, offset: number, limit: number, seed?: number): Promise<Batch & { indexes: Int32Array }>;
}
