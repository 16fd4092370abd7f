import { encodeBatch } from '@/engine/data/batch-wire';
import { badRequest } from '@/server/http/errors';
import type { SampleReader } from './read/sample-reader';
import type { BatchQuery } from './schemas';

/** Largest answer of the batches endpoint, whatever the limit asked for. */
const MAX_BATCH_BYTES = 64 * 1024 * 1024;

/** Answers `…/batches`: the samples asked for, as Float32 features then Float32 labels. */
export async function batchResponse(reader: SampleReader, query: BatchQuery): Promise<Response> {
  const { meta } = reader;
  const width = meta.featureShape.reduce((a, b) => a * b, 1);
  const perSample = (width + meta.labelSize) * 4;
  if (query.limit * perSample > MAX_BATCH_BYTES) {
    throw badRequest(`A batch of ${query.limit} samples would be too large; ask for at most ${Math.floor(MAX_BATCH_BYTES / perSample)}.`);
  }
  const batch = await reader.read(query.split, query.offset, query.limit, query.seed);
  const { body, headers } = encodeBatch(batch, meta.featureShape, meta.labelSize);
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: { ...headers, 'cache-control': 'private, no-store', 'x-total-count': String(reader.count(query.split)) },
  });
}
