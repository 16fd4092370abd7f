import { z } from 'zod';
import { deleteDataset } from '@/server/datasets/delete-dataset';
import { getDataset } from '@/server/datasets/get-dataset';
import { DatasetParams } from '@/server/datasets/schemas';
import { DatasetSummarySchema } from '@/server/datasets/summaries';
import { UpdateDatasetInput, updateDataset } from '@/server/datasets/update-dataset';
import { route } from '@/server/http/route';

// GET /api/datasets/:datasetId – the dataset and its versions
export const GET = route({ params: DatasetParams, output: DatasetSummarySchema }, ({ caller, params }) =>
  getDataset(caller.userId, params.datasetId),
);

// PATCH /api/datasets/:datasetId – rename, or change the description or source
export const PATCH = route({ params: DatasetParams, body: UpdateDatasetInput, output: DatasetSummarySchema }, ({ caller, params, body }) =>
  updateDataset(caller.userId, params.datasetId, body),
);

// DELETE /api/datasets/:datasetId – the dataset, its versions and the blobs only it used
export const DELETE = route({ params: DatasetParams, output: z.null(), status: 204 }, async ({ caller, params }) => {
  await deleteDataset(caller.userId, params.datasetId);
  return null;
});
