import { readBlob } from '@/server/blobs/read-blob';
import { binaryRoute } from '@/server/datasets/binary-route';
import { uploadBrowserWeights } from '@/server/training/browser-run';
import { runAccess } from '@/server/training/run-access';
import { runWeights } from '@/server/training/run-weights';
import { RunParamsSchema } from '@/server/training/schemas';

// GET /api/runs/:runId/weights.bin – the trained weights, the binary half of /api/runs/:runId/model
export const GET = binaryRoute({ params: RunParamsSchema }, async ({ caller, params }) => {
  await runAccess(caller.userId, params.runId, 'viewer');
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

// PUT /api/runs/:runId/weights.bin – a browser run uploads its trained weights (then names them in /finish)
export const PUT = binaryRoute({ params: RunParamsSchema }, async ({ caller, params, request }) => {
  const stored = await uploadBrowserWeights(caller.userId, params.runId, request.body);
  return Response.json(stored, { status: 201, headers: { 'cache-control': 'no-store' } });
});
