import { handle } from '@/server/http/handle';
import { readBytes } from '@/server/http/read-body';
import { getVersion } from '@/server/versions/get-version';
import { attachVersionWeights, MAX_VERSION_WEIGHTS_BYTES } from '@/server/weights/attach-weights';
import * as routes from '@/server/weights/routes';
import { findVersionWeights } from '@/server/weights/version-weights';

export const GET = handle(routes.versionWeights, async ({ params }) => {
  const stored = await findVersionWeights(params.projectId, params.number);
  if (!stored) {
    await getVersion(params.projectId, params.number); // a version that does not exist is a 404, not "no weights"
    return { weights: null };
  }
  const { blobHash: _hash, contentHash: _content, ...weights } = stored;
  return { weights };
});

export const PUT = handle(routes.uploadVersionWeights, async ({ params, request }) =>
  attachVersionWeights(params.projectId, params.number, await readBytes(request, MAX_VERSION_WEIGHTS_BYTES)),
);
