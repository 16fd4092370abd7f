import * as routes from '@/server/datasets/routes';
import { sampleImage } from '@/server/datasets/sample-image';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.sampleImage, async ({ params }) => {
  const png = await sampleImage(params.datasetId, params.number, params.index);
  // Versions are immutable: the browser may keep the image.
  return new Response(png as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': 'image/png', 'cache-control': 'private, max-age=86400' },
  });
});
