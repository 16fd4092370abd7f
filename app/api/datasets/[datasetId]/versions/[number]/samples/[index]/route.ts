import { binaryRoute } from '@/server/datasets/binary-route';
import { sampleImage } from '@/server/datasets/sample-image';
import { SampleParams } from '@/server/datasets/schemas';

// GET /api/datasets/:datasetId/versions/:number/samples/:index – one image sample as a PNG
export const GET = binaryRoute({ params: SampleParams }, async ({ caller, params }) => {
  const png = await sampleImage(caller.userId, params.datasetId, params.number, params.index);
  // Versions are immutable: the browser may keep the image.
  return new Response(png as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': 'image/png', 'cache-control': 'private, max-age=86400' },
  });
});
