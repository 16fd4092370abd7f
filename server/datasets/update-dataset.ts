import type { Role } from '@/prisma/generated/enums';
import { getDataset } from '@/server/datasets/get-dataset';
import type { UpdateDatasetInput } from '@/server/datasets/schemas';
import type { DatasetSummary } from '@/server/datasets/summaries';
import { db } from '@/server/db/client';

/** Renames a dataset or changes its description or source; answers it as a member of `role` sees it. */
export async function updateDataset(datasetId: string, input: UpdateDatasetInput, role: Role): Promise<DatasetSummary> {
  await db().dataset.update({ where: { id: datasetId }, data: input });
  return getDataset(datasetId, role);
}
