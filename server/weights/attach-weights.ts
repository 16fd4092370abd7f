import { decodeWeightsBundle } from '@/engine/train/weights-bundle';
import { writeBlob } from '@/server/blobs/write-blob';
import { db } from '@/server/db/client';
import { badRequest } from '@/server/http/errors';
import { getVersion } from '@/server/versions/get-version';
import { fitWeights, writeVersionWeights } from '@/server/weights/carry-weights';
import type { VersionWeights } from '@/server/weights/schemas';
import { findVersionWeights } from '@/server/weights/version-weights';

/** Largest weights upload: a few hundred megabytes covers the models the editor imports. */
export const MAX_VERSION_WEIGHTS_BYTES = 512 * 1024 * 1024;

/** Media type of a TF.js weights.bin blob. */
export const WEIGHTS_MEDIA_TYPE = 'application/vnd.tfjs.weights';

/**
 * Stores weights sent with a saved version (an imported model's, see weights-bundle.ts): the bytes
 * become a blob (once per content), fitted to the version's graph by node id, and tied to the
 * version, replacing what it had. The versions saved after it carry them on. Refused with a 400
 * that says why when the upload does not parse or no layer of the version fits it.
 */
export async function attachVersionWeights(projectId: string, number: number | 'head', bytes: Uint8Array): Promise<VersionWeights> {
  const decoded = decodeWeightsBundle(bytes);
  if (!decoded.ok) throw badRequest(decoded.message);
  const version = await getVersion(projectId, number);
  const blob = await writeBlob(decoded.data, { mediaType: WEIGHTS_MEDIA_TYPE });
  const fitted = await fitWeights(
    { blobHash: blob.hash, specs: decoded.meta.specs, layerNodes: decoded.meta.layerNodes, source: decoded.meta.source },
    version.graph,
  );
  if (!fitted) throw badRequest(`None of the uploaded weights fit a layer of version ${version.number} (matched by node id and shape).`);
  const { id } = await db().version.findUniqueOrThrow({
    where: { projectId_number: { projectId, number: version.number } },
    select: { id: true },
  });
  await db().$transaction((tx) => writeVersionWeights(tx, id, fitted));
  const stored = await findVersionWeights(projectId, version.number);
  if (!stored) throw new Error('the weights just written are not there');
  const { blobHash: _hash, contentHash: _content, ...answer } = stored;
  return answer;
}
