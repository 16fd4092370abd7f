import { z } from 'zod';
import { TASK_IDS } from '@/engine/tasks/registry';
import { SplitOptionsSchema } from '@/server/datasets/ingest/options';
import { int32 } from '@/server/http/int32';

const Id = z.string().min(1).max(100);

export const BuiltinParams = z.object({ name: z.string().min(1).max(100) });
export const DatasetParams = z.object({ datasetId: Id });
export const TeamDatasetsParams = z.object({ teamId: Id });
export const VersionParams = z.object({ datasetId: Id, number: int32.coerced().positive() });
export const SampleParams = VersionParams.extend({ index: int32.coerced().min(0) });

/** `?split=train&offset=0&limit=32&seed=7` of the batches endpoints. */
export const BatchQuery = z.object({
  split: z.enum(['train', 'validation', 'test', 'unlabelled']).default('train'),
  offset: int32.coerced().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(4096).default(32),
  seed: int32.coerced().optional(),
});
export type BatchQuery = z.infer<typeof BatchQuery>;

/** Built-ins also take `dataSeed`, the seed a generated set (spiral, xor, …) is drawn with. */
export const BuiltinBatchQuery = BatchQuery.extend({ dataSeed: int32.coerced().optional() });
export const BuiltinMetaQuery = z.object({ dataSeed: int32.coerced().optional() });

export const BuiltinInfoSchema = z.object({
  name: z.string(),
  title: z.string(),
  kind: z.enum(['image', 'tabular', 'sequence', 'text']),
  task: z.enum(TASK_IDS),
  featureShape: z.array(z.number().int().positive()),
  description: z.string(),
  source: z.string(),
  license: z.string(),
});
export const BuiltinListSchema = z.object({ datasets: z.array(BuiltinInfoSchema) });

/** `POST /api/teams/:teamId/datasets?…`: what the uploaded file becomes (the file is the body). */
export const UploadQuery = z.object({
  name: z.string().trim().min(1, 'Give the dataset a name.').max(200),
  description: z.string().trim().max(2000).default(''),
  format: z.enum(['csv', 'zip']),
  /** Where the data comes from and its license, shown with the dataset. */
  source: z.string().trim().max(500).default(''),
  license: z.string().trim().max(200).default(''),
  /** JSON of the format's options (ImageOptions or CsvOptions). */
  options: z.string().max(20_000).default('{}'),
});
export type UploadQuery = z.infer<typeof UploadQuery>;

export const UpdateDatasetInput = z
  .object({
    name: z.string().trim().min(1, 'Give the dataset a name.').max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    source: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((v) => v.name !== undefined || v.description !== undefined || v.source !== undefined, 'Nothing to change.');
export type UpdateDatasetInput = z.infer<typeof UpdateDatasetInput>;

/** One box as the labeller sends it; its range and class are checked against the version, not here. */
const BoxInput = z
  .object({
    classIndex: z.number().int(),
    x: z.number().finite(),
    y: z.number().finite(),
    width: z.number().finite(),
    height: z.number().finite(),
  })
  .strict();

export const CreateVersionInput = z
  .object({
    /** The version this one starts from: it must still be the newest (else 409). */
    parent: int32().positive(),
    message: z.string().trim().max(500).default(''),
    /** Classes to add (appended after the existing ones). */
    addClasses: z.array(z.string().trim().min(1).max(100)).max(1000).default([]),
    /** New labels by sample index: a class index (or a target value for regression), null to unlabel. */
    labels: z
      .array(z.object({ index: int32().min(0), label: z.number().finite().nullable() }).strict())
      .max(1_000_000)
      .default([]),
    /**
     * Detection: new boxes by sample index (fractions of the image, class index), null to unlabel.
     * Checked against the image and the classes on the server, each problem naming the image.
     */
    boxes: z
      .array(z.object({ index: int32().min(0), boxes: z.array(BoxInput).max(1000).nullable() }).strict())
      .max(100_000)
      .default([]),
    /**
     * Segmentation: new masks by sample index, each a class per pixel as runs (`class×length`,
     * comma-separated; see engine/data/mask-rle.ts), null to unlabel. Checked against the image's
     * size and the classes on the server, each problem naming the image.
     */
    masks: z
      .array(
        z
          .object({
            index: int32().min(0),
            mask: z.string().min(3).max(2_000_000).nullable(),
          })
          .strict(),
      )
      .max(100_000)
      .default([]),
    /** Split all labelled samples again with these settings. */
    split: SplitOptionsSchema.optional(),
  })
  .strict()
  .refine(
    (v) => v.labels.length > 0 || v.boxes.length > 0 || v.masks.length > 0 || v.addClasses.length > 0 || v.split !== undefined,
    'Nothing to change: give labels, boxes, masks, classes or a split.',
  );
export type CreateVersionInput = z.infer<typeof CreateVersionInput>;

export const SamplesQuery = z.object({
  /** all, unlabelled, train, validation, test, or class:K (labelled with class K). */
  filter: z
    .string()
    .regex(/^(all|unlabelled|train|validation|test|class:\d+)$/)
    .default('all'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(60),
});
export type SamplesQuery = z.infer<typeof SamplesQuery>;
