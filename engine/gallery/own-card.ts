import { z } from 'zod';

/**
 * What `scripts/train-gallery.ts` records beside the weights of a model the project trains itself
 * (`data-builtin/gallery/<id>/card.json`): enough to rerun it and to judge the figure honestly.
 */
export const OwnCardSchema = z.object({
  script: z.string(),
  seed: z.number().int(),
  epochs: z.number().int().positive(),
  batchSize: z.number().int().positive(),
  optimizer: z.string(),
  /** The TF.js backend it trained on (wasm in Node). */
  backend: z.string(),
  trainSamples: z.number().int().positive(),
  testSamples: z.number().int().positive(),
  /** Fraction of the test split classified correctly, measured by the script after training. */
  testAccuracy: z.number().min(0).max(1),
  data: z.string(),
  license: z.string(),
  classes: z.array(z.string()),
  trainedAt: z.string(),
  seconds: z.number().int().nonnegative(),
});
export type OwnCard = z.infer<typeof OwnCardSchema>;
