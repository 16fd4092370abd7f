import { z } from 'zod';
import { datasetAccess } from '@/server/datasets/dataset-access';
import { getDataset } from '@/server/datasets/get-dataset';
import type { DatasetSummary } from '@/server/datasets/summaries';
import { db } from '@/server/db/client';

export const UpdateDatasetInput = z
  .object({
    name: z.string().trim().min(1, 'Give the dataset a name.').max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    source: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((v) => v.name !== undefined || v.description !== undefined || v.source !== undefined, 'Nothing to change.');

/** Renames a dataset or changes its description or source (editors and owners). */
export async function updateDataset(userId: string, datasetId: string, input: z.infer<typeof UpdateDatasetInput>): Promise<DatasetSummary> {
  await datasetAccess(userId, datasetId, 'editor');
  await db().dataset.update({ where: { id: datasetId }, data: input });
  return getDataset(userId, datasetId);
}
