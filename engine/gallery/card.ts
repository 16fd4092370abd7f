import { z } from 'zod';

/**
 * How an image must be prepared for a gallery model: resized to `height`×`width`, converted to
 * `channels` (1 grey, 3 RGB) and scaled from 0–255 to 0–1. Applied by Predict and by the exported
 * page, so a user never has to know it.
 */
export const PreprocessingSchema = z.object({
  height: z.number().int().positive(),
  width: z.number().int().positive(),
  channels: z.union([z.literal(1), z.literal(3)]),
  scale: z.literal('0-1').describe('pixel values divided by 255'),
});
export type Preprocessing = z.infer<typeof PreprocessingSchema>;

/** A way to open a gallery model: whole, or cut after a named layer (everything after it removed). */
export const GalleryVariantSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Keras layer name of the last layer kept; absent for the whole model. */
  cutAfter: z.string().optional(),
  description: z.string(),
});
export type GalleryVariant = z.infer<typeof GalleryVariantSchema>;

/**
 * A gallery model's card: what it does, what it expects, how good it is and on what, where it comes
 * from and under which license. Figures are measured (own models: by the training script) or quoted
 * with their source; `caveats` says plainly what a user should not assume.
 */
export const GalleryCardSchema = z.object({
  id: z.string(),
  title: z.string(),
  task: z.string(),
  summary: z.string(),
  input: z.string(),
  preprocessing: PreprocessingSchema,
  classes: z.array(z.string()),
  accuracy: z.object({
    /** Fraction correct, or null when no honest figure on a stated test split exists. */
    value: z.number().min(0).max(1).nullable(),
    split: z.string(),
  }),
  params: z.number().int().positive(),
  /** Bytes of the stored weights. */
  sizeBytes: z.number().int().positive(),
  source: z.string(),
  license: z.string(),
  caveats: z.array(z.string()),
  variants: z.array(GalleryVariantSchema).min(1),
  /** For the models the project trains itself: how to rerun it. */
  trainedBy: z.object({ script: z.string(), seed: z.number().int(), epochs: z.number().int() }).optional(),
});
export type GalleryCard = z.infer<typeof GalleryCardSchema>;
