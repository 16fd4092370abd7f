import type { Batch, BatchSource, SplitName } from '@/engine/data/batch-source';
import { decodeBatch } from '@/engine/data/batch-wire';
import { batchesFromBlocks } from '@/engine/data/blocks';
import { type DatasetMeta, DatasetMetaSchema } from '@/engine/data/meta';

/** Samples fetched per request when batches are small: fewer round trips, still small memory. */
const MIN_REQUEST = 128;

export interface HttpBatchSource extends BatchSource {
  readonly meta: DatasetMeta;
}

/**
 * A BatchSource over the batches endpoints (`${baseUrl}/meta` and `${baseUrl}/batches`), e.g.
 * `/api/builtin-datasets/digits` or `/api/datasets/ID/versions/3`. Only one request's samples and
 * the next (fetched while the current one trains) are held, so memory stays flat however large the
 * set. Uses nothing but fetch: it runs in a Web Worker as well as on a page.
 *
 * @example
 * const source = await httpBatchSource('/api/datasets/abc/versions/2');
 * for await (const batch of source.batches('train', { batchSize: 64, shuffleSeed: epoch })) …
 */
export async function httpBatchSource(baseUrl: string, init: RequestInit = {}): Promise<HttpBatchSource> {
  const base = baseUrl.replace(/\/$/, '');
  const response = await fetch(`${base}/meta`, init);
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
    count: (split: SplitName) => meta.counts[split],
    batches: (split, { batchSize, shuffleSeed }) =>
      batchesFromBlocks({
        total: meta.counts[split],
        batchSize,
        minBlock: MIN_REQUEST,
        width,
        labelSize: meta.labelSize,
        read: (offset, limit) => fetchBatch(base, { split, offset, limit, seed: shuffleSeed }, init),
      }),
  };
}

/** One request to the batches endpoint (also for the `unlabelled` samples, for pre-labelling). */
export async function fetchBatch(
  base: string,
  query: { split: SplitName | 'unlabelled'; offset: number; limit: number; seed?: number | undefined },
  init: RequestInit = {},
): Promise<Batch> {
  const params = new URLSearchParams({ split: query.split, offset: String(query.offset), limit: String(query.limit) });
  if (query.seed !== undefined) params.set('seed', String(query.seed));
  const response = await fetch(`${base}/batches?${params}`, init);
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
