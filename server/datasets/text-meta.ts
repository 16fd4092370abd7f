import { z } from 'zod';
import { TextEncodingSchema } from '@/engine/data/text/vocabulary';

/**
 * What a text dataset version keeps about its texts (in `meta.text`): the column they came from,
 * the encoding that made the word ids (Predict encodes typed text with the same), how long the
 * training texts were (the histogram the dataset page and the upload show) and how many were cut.
 */
export const TextMetaSchema = z.object({
  column: z.string(),
  encoding: TextEncodingSchema,
  /** Distinct words seen in the training split, before the vocabulary kept the most frequent. */
  distinctWords: z.number().int().nonnegative(),
  /** Lengths of the training texts in tokens: band k holds [k × width, (k + 1) × width). */
  lengths: z.object({ width: z.number().int().positive(), counts: z.array(z.number().int()), max: z.number().int() }),
  /** Texts longer than the sequence length (their end was cut), over every split. */
  truncated: z.number().int().nonnegative(),
});
export type TextMeta = z.infer<typeof TextMetaSchema>;
