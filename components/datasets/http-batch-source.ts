import type { Batch, BatchSource, SplitName } from '@/engine/data/batch-source';
import { decodeBatch } from '@/engine/data/batch-wire';
import { batchesFromBlocks } from '@/engine/data/blocks';
import { type DatasetMeta, DatasetMetaSchema } from '@/engine/data/meta';
import { batchesUrl, type DatasetLocation, metaUrl } from './dataset-endpoints';

/** Samples fetched per request when batches are small: fewer round trips, still small memory. */
const MIN_REQUEST = 128;

export interface HttpBatchSource extends BatchSource {
  readonly meta: DatasetMeta;
}

/**
 * A BatchSource over a dataset's meta and batches endpoints (a built-in, or a stored dataset's
 * version). Only one request's samples and the next (fetched while the current one trains) are
 * held, so memory stays flat however large the set. Uses nothing but fetch: it runs in a Web Worker
 * as well as on a page.
 *
 * @example
 * const source = await httpBatchSource({ datasetId: 'abc', number: 2 });
 * for await (const batch of source.batches('train', { batchSize: 64, shuffleSeed: epoch })) …
 */
export async function httpBatchSource(at: DatasetLocation, init: RequestInit = {}): Promise<HttpBatchSource> {
  const response = await fetch(metaUrl(at), init);
  if (!response.ok) throw new Error(await errorMessage(response));
  const meta = DatasetMetaSchema.parse(await response.json());
  const width = meta.featureShape.reduce((a, b) => a * b, 1);
  return {
    meta,
    name: meta.name,
    task: meta.task,
    featureShape: meta.featureShape,
    labelSize: meta.labelSize,
    ...(meta.classes ? { classes: meta.classes } : {}),
    ...(meta.text ? { text: meta.text } : {}),
    count: (split: SplitName) => meta.counts[split],
    batches: (split, { batchSize, shuffleSeed }) =>
      batchesFromBlocks({
        total: meta.counts[split],
        batchSize,
        minBlock: MIN_REQUEST,
        width,
        labelSize: meta.labelSize,
        read: (offset, limit) => fetchBatch(at, { split, offset, limit, seed: shuffleSeed }, init),
      }),
  };
}

/** One request to the batches endpoint (also for the `unlabelled` samples, for pre-labelling). */
export async function fetchBatch(
  at: DatasetLocation,
  query: { split: SplitName | 'unlabelled'; offset: number; limit: number; seed?: number | undefined },
  init: RequestInit = {},
): Promise<Batch> {
  const response = await fetch(batchesUrl(at, query), init);
  if (!response.ok) throw new Error(await errorMessage(response));
  return decodeBatch(await response.arrayBuffer(), response.headers);
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? `The server answered ${response.status}.`;
  } catch {
    return `The server answered ${response.status}.`;
  }
}
