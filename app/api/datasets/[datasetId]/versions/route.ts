import { z } from 'zod';
import { CreateVersionInput, createDatasetVersion } from '@/server/datasets/create-version';
import { DatasetParams } from '@/server/datasets/schemas';
import { route } from '@/server/http/route';

// POST /api/datasets/:datasetId/versions – a new version: labels changed, classes added or a new split
export const POST = route(
  { params: DatasetParams, body: CreateVersionInput, output: z.object({ number: z.number().int(), versionId: z.string() }), status: 201 },
  ({ caller, params, body }) => createDatasetVersion(caller.userId, params.datasetId, body),
);
