import { deleteDataset } from '@/server/datasets/delete-dataset';
import { getDataset } from '@/server/datasets/get-dataset';
import * as routes from '@/server/datasets/routes';
import { updateDataset } from '@/server/datasets/update-dataset';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.getDataset, ({ params, access }) => getDataset(params.datasetId, access.role));

export const PATCH = handle(routes.updateDataset, ({ params, body, access }) => updateDataset(params.datasetId, body, access.role));

export const DELETE = handle(routes.deleteDataset, ({ params }) => deleteDataset(params.datasetId));
