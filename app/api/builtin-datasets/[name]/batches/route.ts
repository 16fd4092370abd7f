import { batchResponse } from '@/server/datasets/batch-response';
import { builtinReader } from '@/server/datasets/read/builtin-reader';
import * as routes from '@/server/datasets/routes';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.builtinBatches, async ({ params, query }) =>
  batchResponse(await builtinReader(params.name, query.dataSeed), query),
);
