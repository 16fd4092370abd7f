import { blobResponse } from '@/server/blobs/blob-response';
import { handle } from '@/server/http/handle';
import { uploadBrowserWeights } from '@/server/training/browser-run';
import * as routes from '@/server/training/routes';
import { runWeights } from '@/server/training/run-weights';

export const GET = handle(routes.runWeights, async ({ params }) =>
  blobResponse((await runWeights(params.runId)).blobHash, { immutable: true }),
);

export const PUT = handle(routes.uploadRunWeights, ({ params, request }) => uploadBrowserWeights(params.runId, request.body));
