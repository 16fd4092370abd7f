import { z } from 'zod';
import { SplitCountsSchema } from '@/engine/data/meta';
import { ReportSchema, SplitSettingsSchema, VersionMetaSchema } from '@/server/datasets/manifest';
import { Timestamp } from '@/server/http/contract';
import { RoleSchema } from '@/server/teams/schemas';

export const VersionSummarySchema = z.object({
  number: z.number().int(),
  parentNumber: z.number().int().nullable(),
  message: z.string(),
  createdAt: Timestamp,
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
  createdAt: Timestamp,
  updatedAt: Timestamp,
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

/** A new version made from the newest one (labels, classes or split changed). */
export const CreatedVersionSchema = z.object({ number: z.number().int(), versionId: z.string() });

export const SampleSchema = z.object({
  index: z.number().int(),
  label: z.number().nullable(),
  split: z.enum(['train', 'validation', 'test', 'none']),
  name: z.string().nullable(),
  /** Tables: the stored feature values (before normalisation). */
  values: z.array(z.number()).optional(),
  /** Detection, labelled images: the stored boxes (fractions of the image, class index). */
  boxes: z
    .array(z.object({ classIndex: z.number().int(), x: z.number(), y: z.number(), width: z.number(), height: z.number() }))
    .optional(),
  /** Segmentation, labelled images: the stored mask as runs of class indexes (engine/data/mask-rle.ts). */
  mask: z.string().optional(),
});
export const SampleListSchema = z.object({ total: z.number().int(), samples: z.array(SampleSchema) });
export type SampleList = z.infer<typeof SampleListSchema>;
