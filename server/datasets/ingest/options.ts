import { z } from 'zod';
import { MAX_SEQUENCE_LENGTH, MIN_SEQUENCE_LENGTH } from '@/engine/data/text/sequence-length';
import { TASK_IDS } from '@/engine/tasks/registry';

const Fraction = z.number().min(0).max(0.9);

/** How labelled samples are split into train / validation / test (seeded, stratified by class). */
export const SplitOptionsSchema = z
  .object({
    validation: Fraction.default(0.15),
    test: Fraction.default(0.15),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    /** Keep each class's share in every split (classification only). */
    stratify: z.boolean().default(true),
  })
  .strict()
  .refine((s) => s.validation + s.test < 1, 'Validation and test together must leave samples for training.');
export type SplitOptions = z.infer<typeof SplitOptionsSchema>;

/** Settings of an image archive upload: every image is decoded and resized to this size. */
export const ImageOptionsSchema = z
  .object({
    width: z.number().int().min(4).max(512).default(28),
    height: z.number().int().min(4).max(512).default(28),
    channels: z.union([z.literal(1), z.literal(3)]).default(1),
    /** cover: fill and crop the overflow; contain: fit inside, pad with black; fill: stretch. */
    fit: z.enum(['cover', 'contain', 'fill']).default('cover'),
    /** Classes to include even when no folder has their name (for labelling unlabelled images). */
    classes: z.array(z.string().trim().min(1).max(100)).max(1000).default([]),
    /** Refuse the whole upload when any file is not a readable image (default: skip and report it). */
    strict: z.boolean().default(false),
    split: SplitOptionsSchema.default({ validation: 0.15, test: 0.15, seed: 1, stratify: true }),
    /**
     * Where the labels are: `classification` reads class folders; `detection` reads box annotations
     * in the archive (COCO JSON, Pascal VOC XML or YOLO txt) and stretches every image (`fill`), so
     * boxes stay fractions of the picture; `segmentation` reads a grey PNG mask beside each image
     * (class indexes per pixel, resized with its image).
     */
    task: z.enum(['classification', 'detection', 'segmentation']).default('classification'),
  })
  .strict();
export type ImageOptions = z.infer<typeof ImageOptionsSchema>;

/** How the texts of a CSV become word ids: which column, how many words the vocabulary keeps, how long a row is. */
export const TextOptionsSchema = z
  .object({
    /** The text column, by name (or 0-based position); default: the first column that is not the label. */
    column: z.union([z.string().min(1), z.number().int().min(0)]).optional(),
    /** Entries of the vocabulary, padding and the unknown word included (the Embedding's input size must be at least this). */
    vocabularySize: z.number().int().min(3).max(200_000).default(10_000),
    /** Word ids per sample; longer texts are cut, shorter padded. Default: enough for 95 % of the training texts. */
    length: z.number().int().min(MIN_SEQUENCE_LENGTH).max(MAX_SEQUENCE_LENGTH).optional(),
  })
  .strict();
export type TextOptions = z.infer<typeof TextOptionsSchema>;

/** Settings of a CSV upload: which column is the label, how to read the others. */
export const CsvOptionsSchema = z
  .object({
    /** The label column, by name (or by 0-based position); default: the last column. */
    label: z.union([z.string().min(1), z.number().int().min(0)]).optional(),
    /** Column type overrides by name; others are inferred (numbers → numeric, anything else → categorical). */
    types: z.record(z.string(), z.enum(['numeric', 'categorical', 'ignored'])).default({}),
    /** classification (the label is a class) or regression (a number to predict); default from the label's type. */
    task: z.enum(TASK_IDS).optional(),
    /** Rows with a missing feature value: drop them, or fill with the training split's mean (most frequent category). */
    missing: z.enum(['drop', 'mean']).default('mean'),
    normalisation: z.enum(['standard', 'minmax', 'none']).default('standard'),
    /** Field separator; default: guessed from the header line (comma, semicolon, tab or bar). */
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    /** Whether the first row holds column names. */
    header: z.boolean().default(true),
    split: SplitOptionsSchema.default({ validation: 0.15, test: 0.15, seed: 1, stratify: true }),
    /** Set for a text dataset: one column of text and the label column become word-id rows (text classification). */
    text: TextOptionsSchema.optional(),
  })
  .strict();
export type CsvOptions = z.infer<typeof CsvOptionsSchema>;

/** Limits that keep an upload from exhausting the server (tests lower them). */
export interface UploadLimits {
  /** Bytes of the upload itself. */
  maxUploadBytes: number;
  /** Files in an archive. */
  maxEntries: number;
  /** Uncompressed bytes of one archive entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of the whole archive. */
  maxTotalBytes: number;
  /** Bytes of the mask files of a segmentation archive, all held until every image is read. */
  maxMaskBytes: number;
  /** Uncompressed ÷ compressed bytes, checked once past `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Pixels of one decoded image (width × height). */
  maxImagePixels: number;
  /** Rows of a CSV, and problems listed before giving up. */
  maxRows: number;
  maxProblems: number;
  /** Characters of one CSV row (a quoted cell may span lines; the whole row counts). */
  maxLineChars: number;
  /** Columns of a CSV, and characters of a column name. */
  maxColumns: number;
  maxNameChars: number;
  /** Characters of a class name (a label cell, a folder) and classes in one dataset. */
  maxClassNameChars: number;
  maxClasses: number;
  /** Distinct values of one categorical feature column, and characters of one. */
  maxCategories: number;
  maxCategoryChars: number;
}

export function defaultLimits(): UploadLimits {
  return {
    maxUploadBytes: Number(process.env.NETCANVAS_MAX_UPLOAD_MB ?? 4096) * 1024 * 1024,
    maxEntries: 1_000_000,
    maxEntryBytes: 64 * 1024 * 1024,
    maxTotalBytes: 32 * 1024 * 1024 * 1024,
    maxMaskBytes: 1024 * 1024 * 1024,
    maxRatio: 100,
    ratioFloorBytes: 32 * 1024 * 1024,
    maxImagePixels: 40_000_000,
    maxRows: 50_000_000,
    maxProblems: 20,
    maxLineChars: 1024 * 1024,
    maxColumns: 10_000,
    maxNameChars: 200,
    // As many as the upload options let one name (options.ts `classes`).
    maxClassNameChars: 100,
    maxClasses: 1000,
    maxCategories: 10_000,
    maxCategoryChars: 200,
  };
}
