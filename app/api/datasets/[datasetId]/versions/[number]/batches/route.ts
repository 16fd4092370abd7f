import { batchResponse } from '@/server/datasets/batch-response';
import { binaryRoute } from '@/server/datasets/binary-route';
import { openVersionReader } from '@/server/datasets/open-version-reader';
import { BatchQuery, VersionParams } from '@/server/datasets/schemas';

// GET /api/datasets/:datasetId/versions/:number/batches?split&offset&limit&seed – samples as Float32 bytes
export const GET = binaryRoute({ params: VersionParams, query: BatchQuery }, async ({ caller, params, query }) =>
  batchResponse(await openVersionReader(caller.userId, params.datasetId, params.number), query),
);
