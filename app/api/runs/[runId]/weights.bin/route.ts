import { readBlob } from '@/server/blobs/read-blob';
import { handle } from '@/server/http/handle';
import { uploadBrowserWeights } from '@/server/training/browser-run';
import * as routes from '@/server/training/routes';
import { runWeights } from '@/server/training/run-weights';

export const GET = handle(routes.runWeights, async ({ params }) => {
  const { blobHash } = await runWeights(params.runId);
  const chunks = readBlob(blobHash);
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
    headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, max-age=31536000, immutable', etag: `"${blobHash}"` },
  });
});

export const PUT = handle(routes.uploadRunWeights, ({ params, request }) => uploadBrowserWeights(params.runId, request.body));
