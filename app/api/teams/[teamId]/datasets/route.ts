import { binaryRoute, bodyChunks } from '@/server/datasets/binary-route';
import { listDatasets } from '@/server/datasets/list-datasets';
import { TeamDatasetsParams } from '@/server/datasets/schemas';
import { DatasetListSchema, UploadResultSchema } from '@/server/datasets/summaries';
import { UploadQuery, uploadDataset } from '@/server/datasets/upload-dataset';
import { route } from '@/server/http/route';

// GET /api/teams/:teamId/datasets – the team's datasets, each with a summary of its versions
export const GET = route({ params: TeamDatasetsParams, output: DatasetListSchema }, async ({ caller, params }) => ({
  datasets: await listDatasets(caller.userId, params.teamId),
}));

// POST /api/teams/:teamId/datasets?name&format=csv|zip&options – a new dataset from the file in the body (streamed)
export const POST = binaryRoute({ params: TeamDatasetsParams, query: UploadQuery }, async ({ request, caller, params, query }) => {
  const result = await uploadDataset(caller.userId, params.teamId, query, bodyChunks(request));
  return Response.json(UploadResultSchema.parse(result), { status: 201, headers: { 'cache-control': 'no-store' } });
});
