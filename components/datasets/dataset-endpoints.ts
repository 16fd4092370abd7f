import { type CallInput, urlOf } from '@/components/ui/api';
import * as datasetRoutes from '@/server/datasets/routes';

/**
 * Where a dataset's samples are served: a built-in by name, or a version of a stored dataset.
 * Plain data, so it crosses into a Web Worker; the URLs come from the route contracts.
 */
export type DatasetLocation = { builtin: string } | { datasetId: string; number: number };

/** `?split&offset&limit&seed` of the batches endpoints. */
export type BatchesQuery = NonNullable<CallInput<typeof datasetRoutes.versionBatches>['query']>;

/** The meta endpoint of a dataset: shapes, classes, split counts, normalisation. */
export function metaUrl(at: DatasetLocation): string {
  return 'builtin' in at
    ? urlOf(datasetRoutes.builtinMeta, { params: { name: at.builtin } })
    : urlOf(datasetRoutes.versionMeta, { params: { datasetId: at.datasetId, number: at.number } });
}

/** The batches endpoint of a dataset: samples as Float32 bytes. */
export function batchesUrl(at: DatasetLocation, query: BatchesQuery): string {
  return 'builtin' in at
    ? urlOf(datasetRoutes.builtinBatches, { params: { name: at.builtin }, query })
    : urlOf(datasetRoutes.versionBatches, { params: { datasetId: at.datasetId, number: at.number }, query });
}

/** One image sample of a stored dataset's version, as a PNG. */
export function sampleImageUrl(datasetId: string, number: number, index: number): string {
  return urlOf(datasetRoutes.sampleImage, { params: { datasetId, number, index } });
}
