import { DatasetMetaSchema } from '@/engine/data/meta';
import {
  BatchQuery,
  BuiltinBatchQuery,
  BuiltinListSchema,
  BuiltinMetaQuery,
  BuiltinParams,
  CreateVersionInput,
  DatasetParams,
  SampleParams,
  SamplesQuery,
  TeamDatasetsParams,
  UpdateDatasetInput,
  UploadQuery,
  VersionParams,
} from '@/server/datasets/schemas';
import {
  CreatedVersionSchema,
  DatasetListSchema,
  DatasetSummarySchema,
  SampleListSchema,
  UploadResultSchema,
  VersionDetailSchema,
} from '@/server/datasets/summaries';
import { defineRoute, NoContent, RAW } from '@/server/http/contract';

/** GET /api/builtin-datasets – the built-in datasets, with where each comes from and its license. */
export const listBuiltins = defineRoute({ method: 'GET', path: '/api/builtin-datasets', output: BuiltinListSchema, access: 'user' });

/** GET /api/builtin-datasets/:name/meta?dataSeed – feature shape, classes, split counts, source and license. */
export const builtinMeta = defineRoute({
  method: 'GET',
  path: '/api/builtin-datasets/:name/meta',
  params: BuiltinParams,
  query: BuiltinMetaQuery,
  output: DatasetMetaSchema,
  access: 'user',
});

/** GET /api/builtin-datasets/:name/batches?split&offset&limit&seed&dataSeed – samples as Float32 bytes. */
export const builtinBatches = defineRoute({
  method: 'GET',
  path: '/api/builtin-datasets/:name/batches',
  params: BuiltinParams,
  query: BuiltinBatchQuery,
  output: RAW,
  access: 'user',
});

/** GET /api/teams/:teamId/datasets – the team's datasets, each with a summary of its versions. */
export const listDatasets = defineRoute({
  method: 'GET',
  path: '/api/teams/:teamId/datasets',
  params: TeamDatasetsParams,
  output: DatasetListSchema,
  access: { team: 'viewer' },
});

/** POST /api/teams/:teamId/datasets?name&format=csv|zip&options – a new dataset from the file in the body (streamed). */
export const uploadDataset = defineRoute({
  method: 'POST',
  path: '/api/teams/:teamId/datasets',
  params: TeamDatasetsParams,
  query: UploadQuery,
  body: RAW,
  output: UploadResultSchema,
  status: 201,
  access: { team: 'editor' },
});

/** GET /api/datasets/:datasetId – the dataset and its versions. */
export const getDataset = defineRoute({
  method: 'GET',
  path: '/api/datasets/:datasetId',
  params: DatasetParams,
  output: DatasetSummarySchema,
  access: { dataset: 'viewer' },
});

/** PATCH /api/datasets/:datasetId – rename, or change the description or source. */
export const updateDataset = defineRoute({
  method: 'PATCH',
  path: '/api/datasets/:datasetId',
  params: DatasetParams,
  body: UpdateDatasetInput,
  output: DatasetSummarySchema,
  access: { dataset: 'editor' },
});

/** DELETE /api/datasets/:datasetId – the dataset, its versions and the blobs only it used. */
export const deleteDataset = defineRoute({
  method: 'DELETE',
  path: '/api/datasets/:datasetId',
  params: DatasetParams,
  output: NoContent,
  status: 204,
  access: { dataset: 'editor' },
});

/** POST /api/datasets/:datasetId/versions – a new version: labels changed, classes added or a new split. */
export const createDatasetVersion = defineRoute({
  method: 'POST',
  path: '/api/datasets/:datasetId/versions',
  params: DatasetParams,
  body: CreateVersionInput,
  output: CreatedVersionSchema,
  status: 201,
  access: { dataset: 'editor' },
});

/** GET /api/datasets/:datasetId/versions/:number – a version's description, statistics, split and upload report. */
export const getDatasetVersion = defineRoute({
  method: 'GET',
  path: '/api/datasets/:datasetId/versions/:number',
  params: VersionParams,
  output: VersionDetailSchema,
  access: { dataset: 'viewer' },
});

/** GET /api/datasets/:datasetId/versions/:number/meta – what a batch reader needs: shapes, classes, counts, normalisation. */
export const versionMeta = defineRoute({
  method: 'GET',
  path: '/api/datasets/:datasetId/versions/:number/meta',
  params: VersionParams,
  output: DatasetMetaSchema,
  access: { dataset: 'viewer' },
});

/** GET /api/datasets/:datasetId/versions/:number/batches?split&offset&limit&seed – samples as Float32 bytes. */
export const versionBatches = defineRoute({
  method: 'GET',
  path: '/api/datasets/:datasetId/versions/:number/batches',
  params: VersionParams,
  query: BatchQuery,
  output: RAW,
  access: { dataset: 'viewer' },
});

/** GET /api/datasets/:datasetId/versions/:number/samples?filter&offset&limit – samples for the gallery, table and labelling. */
export const listSamples = defineRoute({
  method: 'GET',
  path: '/api/datasets/:datasetId/versions/:number/samples',
  params: VersionParams,
  query: SamplesQuery,
  output: SampleListSchema,
  access: { dataset: 'viewer' },
});

/** GET /api/datasets/:datasetId/versions/:number/samples/:index – one image sample as a PNG. */
export const sampleImage = defineRoute({
  method: 'GET',
  path: '/api/datasets/:datasetId/versions/:number/samples/:index',
  params: SampleParams,
  output: RAW,
  access: { dataset: 'viewer' },
});
