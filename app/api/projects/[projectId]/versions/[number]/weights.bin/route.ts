import { blobResponse } from '@/server/blobs/blob-response';
import { notFound } from '@/server/http/errors';
import { handle } from '@/server/http/handle';
import * as routes from '@/server/weights/routes';
import { findVersionWeights } from '@/server/weights/version-weights';

export const GET = handle(routes.versionWeightsBin, async ({ params }) => {
  const stored = await findVersionWeights(params.projectId, params.number);
  if (!stored) throw notFound('Weights of this version');
  // A version's weights can be replaced (an upload after the save), so the bytes are revalidated.
  return blobResponse(stored.blobHash, { immutable: false });
});
