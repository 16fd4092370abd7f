import { handle } from '@/server/http/handle';
import { exportBundle } from '@/server/predict/export-bundle';
import * as routes from '@/server/predict/routes';

export const GET = handle(routes.exportRun, async ({ params }) => {
  const { name, zip } = await exportBundle(params.runId);
  const file = `${name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'model'}.zip`;
  return new Response(new Uint8Array(zip), {
    headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${file}"`, 'cache-control': 'no-store' },
  });
});
