import { z } from 'zod';

export const PredictParams = z.object({ runId: z.string().min(1).max(100) });
export const PredictQuery = z.object({
  /** How many of the most likely classes to list per prediction. */
  top: z.coerce.number().int().min(1).max(50).default(5),
});

/** Most rows one request may classify (a larger CSV is sent in several requests). */
export const MAX_ROWS = 1000;

/** A JSON predict request: rows of feature values, in the dataset's column order (raw, unnormalised). */
export const PredictRowsBody = z
  .object({
    rows: z
      .array(z.array(z.number({ error: 'Every value must be a number.' })).min(1))
      .min(1, 'Send at least one row.')
      .max(MAX_ROWS, `Send at most ${MAX_ROWS} rows per request.`),
  })
  .strict();

/** Longest text one predict request may send, in characters (a long article fits; the sequence length cuts it anyway). */
export const MAX_TEXT_CHARS = 100_000;

/** A JSON predict request for a run trained on texts: the texts, tokenized with the dataset version's vocabulary. */
export const PredictTextsBody = z
  .object({
    texts: z
      .array(
        z.string({ error: 'Every text must be a string.' }).max(MAX_TEXT_CHARS, `A text may have at most ${MAX_TEXT_CHARS} characters.`),
      )
      .min(1, 'Send at least one text.')
      .max(MAX_ROWS, `Send at most ${MAX_ROWS} texts per request.`),
  })
  .strict();

/** How a sent text was read: its tokens, how many the vocabulary did not know, how many were cut off. */
export const TextReadingSchema = z.object({ tokens: z.number().int(), unknown: z.number().int(), truncated: z.number().int() });

export const ClassScoreSchema = z.object({ label: z.string(), probability: z.number() });

/** One prediction: the top classes with their probabilities (classification), or the predicted values. */
export const PredictionSchema = z.union([
  z.object({ label: z.string(), top: z.array(ClassScoreSchema) }),
  z.object({ values: z.array(z.number()) }),
]);

export const PredictionsSchema = z.object({
  runId: z.string(),
  task: z.string(),
  /** What the network expects, so a caller can tell what it sent wrong. */
  input: z.object({ kind: z.string(), featureShape: z.array(z.number().int()) }),
  classes: z.array(z.string()).nullable(),
  predictions: z.array(PredictionSchema),
  /** Texts: how each was read, in the order sent. */
  texts: z.array(TextReadingSchema).optional(),
});
export type Predictions = z.infer<typeof PredictionsSchema>;
