import { getDatasetVersion } from '@/server/datasets/get-dataset';
import { VersionParams } from '@/server/datasets/schemas';
import { VersionDetailSchema } from '@/server/datasets/summaries';
import { route } from '@/server/http/route';

// GET /api/datasets/:datasetId/versions/:number – a version's description, statistics, split and upload report
export const GET = route({ params: VersionParams, output: VersionDetailSchema }, ({ caller, params }) =>
  getDatasetVersion(caller.userId, params.datasetId, params.number),
);
