import type { Role } from '@/prisma/generated/enums';
import { DATASET_SELECT, toDatasetSummary, toVersionSummary } from '@/server/datasets/list-datasets';
import { VersionMetaSchema } from '@/server/datasets/manifest';
import type { DatasetSummary, VersionDetail } from '@/server/datasets/summaries';
import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';

/** One dataset with its versions, as a member of `role` sees it. */
export async function getDataset(datasetId: string, role: Role): Promise<DatasetSummary> {
  const row = await db().dataset.findUnique({ where: { id: datasetId }, select: DATASET_SELECT });
  if (!row) throw notFound('The dataset');
  return toDatasetSummary(row, role);
}

/** One version: its description, statistics, split settings and upload report. */
export async function getDatasetVersion(datasetId: string, number: number): Promise<VersionDetail> {
  const row = await db().datasetVersion.findUnique({
    where: { datasetId_number: { datasetId, number } },
    select: { id: true, datasetId: true, number: true, parentNumber: true, message: true, createdAt: true, sampleCount: true, meta: true },
  });
  if (!row) throw notFound(`Version ${number} of the dataset`);
  const meta = VersionMetaSchema.parse(row.meta);
  return { ...toVersionSummary(row), id: row.id, datasetId: row.datasetId, meta, split: meta.split, report: meta.report };
}
