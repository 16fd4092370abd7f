import { listSamples, SampleListSchema, SamplesQuery } from '@/server/datasets/list-samples';
import { VersionParams } from '@/server/datasets/schemas';
import { route } from '@/server/http/route';

// GET /api/datasets/:datasetId/versions/:number/samples?filter&offset&limit – samples for the gallery, table and labelling
export const GET = route({ params: VersionParams, query: SamplesQuery, output: SampleListSchema }, ({ caller, params, query }) =>
  listSamples(caller.userId, params.datasetId, params.number, query),
);
