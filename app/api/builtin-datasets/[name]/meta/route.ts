import { DatasetMetaSchema } from '@/engine/data/meta';
import { builtinReader } from '@/server/datasets/read/builtin-reader';
import { BuiltinMetaQuery, BuiltinParams } from '@/server/datasets/schemas';
import { route } from '@/server/http/route';

// GET /api/builtin-datasets/:name/meta?dataSeed – feature shape, classes, split counts, source and license
export const GET = route(
  { params: BuiltinParams, query: BuiltinMetaQuery, output: DatasetMetaSchema },
  async ({ params, query }) => (await builtinReader(params.name, query.dataSeed)).meta,
);
