import { z } from 'zod';
import { TASK_IDS } from '../tasks/registry';
import { TextEncodingSchema } from './text/vocabulary';

/**
 * Per-feature statistics kept with a tabular dataset version and applied when batches are read:
 * `standard` gives (x − mean) / std, `minmax` gives (x − min) / (max − min). Computed over the
 * training split only, so validation and test figures stay honest.
 */
export const NormalisationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('none') }),
  z.object({ method: z.literal('standard'), mean: z.array(z.number()), std: z.array(z.number()) }),
  z.object({ method: z.literal('minmax'), min: z.array(z.number()), max: z.array(z.number()) }),
]);
export type Normalisation = z.infer<typeof NormalisationSchema>;

export const SplitCountsSchema = z.object({
  train: z.number().int(),
  validation: z.number().int(),
  test: z.number().int(),
  /** Samples without a label yet (images waiting to be labelled): in no split. */
  unlabelled: z.number().int(),
});
export type SplitCounts = z.infer<typeof SplitCountsSchema>;

/**
 * What a reader of a dataset needs to know before fetching batches (contract of
 * `GET …/meta` for stored versions and built-ins alike).
 */
export const DatasetMetaSchema = z.object({
  name: z.string(),
  kind: z.enum(['image', 'tabular', 'sequence', 'text']),
  task: z.enum(TASK_IDS),
  featureShape: z.array(z.number().int().positive()),
  labelSize: z.number().int().positive(),
  classes: z.array(z.string()).nullable(),
  counts: SplitCountsSchema,
  source: z.string(),
  license: z.string(),
  normalisation: NormalisationSchema.nullable(),
  /** Texts: the tokenizer, vocabulary and length that made the word ids (Predict encodes typed text with it). */
  text: TextEncodingSchema.nullable().optional(),
});
export type DatasetMeta = z.infer<typeof DatasetMetaSchema>;

/** Applies normalisation statistics to rows of features in place. */
export function normaliseRows(features: Float32Array, width: number, normalisation: Normalisation | null): void {
  if (!normalisation || normalisation.method === 'none') return;
  const [offset, scale] =
    normalisation.method === 'standard'
      ? [normalisation.mean, normalisation.std]
      : [normalisation.min, normalisation.max.map((max, i) => max - (normalisation.min[i] as number))];
  for (let i = 0; i < features.length; i++) {
    const c = i % width;
    const s = scale[c] as number;
    features[i] = ((features[i] as number) - (offset[c] as number)) / (s === 0 ? 1 : s);
  }
}
