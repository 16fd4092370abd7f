import { z } from 'zod';
import { SplitCountsSchema } from '@/engine/data/meta';
import { ReportSchema, SplitSettingsSchema, VersionMetaSchema } from '@/server/datasets/manifest';
import { RoleSchema } from '@/server/teams/schemas';

export const VersionSummarySchema = z.object({
  number: z.number().int(),
  parentNumber: z.number().int().nullable(),
  message: z.string(),
  createdAt: z.date(),
  sampleCount: z.number().int(),
  counts: SplitCountsSchema,
  classCount: z.number().int().nullable(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

export const DatasetSummarySchema = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.string(),
  source: z.string(),
  headNumber: z.number().int().nullable(),
  role: RoleSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
  versions: z.array(VersionSummarySchema),
});
export type DatasetSummary = z.infer<typeof DatasetSummarySchema>;
export const DatasetListSchema = z.object({ datasets: z.array(DatasetSummarySchema) });

export const VersionDetailSchema = VersionSummarySchema.extend({
  id: z.string(),
  datasetId: z.string(),
  meta: VersionMetaSchema,
  split: SplitSettingsSchema,
  report: ReportSchema,
});
export type VersionDetail = z.infer<typeof VersionDetailSchema>;

export const UploadResultSchema = z.object({
  datasetId: z.string(),
  number: z.number().int(),
  versionId: z.string(),
  report: ReportSchema,
});
