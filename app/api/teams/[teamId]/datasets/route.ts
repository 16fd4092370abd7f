import { listDatasets } from '@/server/datasets/list-datasets';
import * as routes from '@/server/datasets/routes';
import { uploadDataset } from '@/server/datasets/upload-dataset';
import { handle } from '@/server/http/handle';
import { bodyChunks } from '@/server/http/read-body';

export const GET = handle(routes.listDatasets, async ({ params, access }) => ({
  datasets: await listDatasets(params.teamId, access.role),
}));

export const POST = handle(routes.uploadDataset, ({ request, caller, params, query }) =>
  uploadDataset(caller.userId, params.teamId, query, bodyChunks(request)),
);
