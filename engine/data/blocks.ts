import type { Batch } from './batch-source';

export interface BlockReading {
  /** Samples in the split. */
  total: number;
  batchSize: number;
  /** Fewest samples to read at once (reads are rounded up to whole batches). */
  minBlock: number;
  /** Values per sample's features and label. */
  width: number;
  labelSize: number;
  /** Reads samples `offset … offset + limit − 1` of the split, in the epoch's order. */
  read(offset: number, limit: number): Promise<Batch>;
}

/**
 * Batches of a split read in blocks of whole batches, the next block read while the current one
 * is used: one block in use and one in flight is all that is ever held. Shared by the server's
 * BatchSource (blocks from the database) and the browser's (blocks over HTTP).
 */
export async function* batchesFromBlocks({ total, batchSize, minBlock, width, labelSize, read }: BlockReading): AsyncGenerator<Batch> {
  const block = Math.max(batchSize, Math.ceil(minBlock / batchSize) * batchSize);
  let next: Promise<Batch> | null = total > 0 ? read(0, block) : null;
  for (let start = 0; start < total; start += block) {
    const current = await (next as Promise<Batch>);
    next = start + block < total ? read(start + block, block) : null;
    // A failed read-ahead is reported when it is awaited, not as an unhandled rejection now.
    next?.catch(() => undefined);
    for (let at = 0; at < current.size; at += batchSize) {
      const size = Math.min(batchSize, current.size - at);
      yield {
        features: current.features.slice(at * width, (at + size) * width),
        labels: current.labels.slice(at * labelSize, (at + size) * labelSize),
        size,
      };
    }
  }
}
