import { readBlob } from '@/server/blobs/read-blob';

/**
 * A stored blob as a streamed HTTP answer, chunk by chunk (never held whole), tagged with its hash.
 * `immutable` when the URL always names these bytes (a run's weights); otherwise the client revalidates.
 */
export function blobResponse(hash: string, options: { immutable: boolean }): Response {
  const chunks = readBlob(hash);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/octet-stream',
      'cache-control': options.immutable ? 'private, max-age=31536000, immutable' : 'private, no-cache',
      etag: `"${hash}"`,
    },
  });
}
