import { DatasetMetaSchema } from '@/engine/data/meta';
import { openVersionReader } from '@/server/datasets/open-version-reader';
import { VersionParams } from '@/server/datasets/schemas';
import { route } from '@/server/http/route';

// GET /api/datasets/:datasetId/versions/:number/meta – what a batch reader needs: shapes, classes, counts, normalisation
export const GET = route(
  { params: VersionParams, output: DatasetMetaSchema },
  async ({ caller, params }) => (await openVersionReader(caller.userId, params.datasetId, params.number)).meta,
);
