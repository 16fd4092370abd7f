import { batchResponse } from '@/server/datasets/batch-response';
import { binaryRoute } from '@/server/datasets/binary-route';
import { builtinReader } from '@/server/datasets/read/builtin-reader';
import { BuiltinBatchQuery, BuiltinParams } from '@/server/datasets/schemas';

// GET /api/builtin-datasets/:name/batches?split&offset&limit&seed&dataSeed – samples as Float32 bytes
export const GET = binaryRoute({ params: BuiltinParams, query: BuiltinBatchQuery }, async ({ params, query }) =>
  batchResponse(await builtinReader(params.name, query.dataSeed), query),
);
