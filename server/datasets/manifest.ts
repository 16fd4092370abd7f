import { z } from 'zod';
import { NormalisationSchema, SplitCountsSchema } from '@/engine/data/meta';
import { TASK_IDS } from '@/engine/tasks/registry';
import { TextMetaSchema } from './text-meta';

/**
 * How a dataset version's samples are stored (DatasetVersion.manifest). Samples are kept in a
 * shuffled order fixed when the version's data was first stored, packed into shard blobs of a few
 * thousand samples (uint8 pixels for images, float32 values otherwise). Labels and split
 * assignment are small blobs of their own, so a relabel or a resplit makes a new version that
 * shares every shard.
 */
export const ManifestSchema = z.object({
  format: z.literal('netcanvas.dataset'),
  version: z.literal(1),
  /** How one value is stored: uint8 (image pixels, 0–255) or float32. */
  dtype: z.enum(['uint8', 'float32']),
  /** Values per sample (the product of the feature shape). */
  sampleSize: z.number().int().positive(),
  /** Shards in stored order; sample i lives in the shard whose running count covers it. */
  shards: z.array(z.object({ hash: z.string(), count: z.number().int().positive() })),
  /** Float32 per sample × label size: the class index or target; NaN when unlabelled. */
  labels: z.string(),
  /** Uint8 per sample: 0 train, 1 validation, 2 test, 255 in no split (unlabelled). */
  split: z.string(),
  /** UTF-8 JSON array of each sample's origin (file path in the archive, or CSV row number). */
  names: z.string().nullable(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const NO_SPLIT = 255;

export const ColumnSchema = z.object({
  name: z.string(),
  type: z.enum(['numeric', 'categorical', 'ignored']),
  role: z.enum(['feature', 'label', 'ignored']),
  /** Categories in index order (categorical columns). */
  categories: z.array(z.string()).optional(),
  /** Missing values found in the upload. */
  missing: z.number().int(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const SplitSettingsSchema = z.object({
  seed: z.number().int(),
  validation: z.number().min(0).max(0.9),
  test: z.number().min(0).max(0.9),
  stratify: z.boolean(),
});
export type SplitSettings = z.infer<typeof SplitSettingsSchema>;

export const ReportSchema = z.object({
  /** Files or rows read from the upload. */
  read: z.number().int(),
  /** Samples kept. */
  kept: z.number().int(),
  /** Files or rows skipped, with the reason (at most the first 200). */
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  skippedCount: z.number().int(),
  /** Things worth knowing that did not stop the upload (missing values filled, rows dropped…). */
  notes: z.array(z.string()),
});
export type Report = z.infer<typeof ReportSchema>;

/** What a dataset version's samples are (DatasetVersion.meta). */
export const VersionMetaSchema = z.object({
  kind: z.enum(['image', 'tabular', 'sequence', 'text']),
  task: z.enum(TASK_IDS),
  featureShape: z.array(z.number().int().positive()),
  labelSize: z.number().int().positive(),
  classes: z.array(z.string()).nullable(),
  counts: SplitCountsSchema,
  /** Labelled samples per class (classification). */
  classCounts: z.array(z.number().int()).nullable(),
  split: SplitSettingsSchema,
  normalisation: NormalisationSchema.nullable(),
  /** Tabular: the columns of the upload and how each is used. */
  columns: z.array(ColumnSchema).nullable(),
  /** Tabular: one name per feature value (categorical columns expand to one per category). */
  featureNames: z.array(z.string()).nullable(),
  /** Images: the size every image was resized to. */
  image: z.object({ width: z.number().int(), height: z.number().int(), channels: z.number().int(), fit: z.string() }).nullable(),
  report: ReportSchema,
  license: z.string(),
  /** Texts: the column read, the encoding (tokenizer, vocabulary, length) and the length distribution. */
  text: TextMetaSchema.nullable().optional(),
});
export type VersionMeta = z.infer<typeof VersionMetaSchema>;
