import { z } from 'zod';
import { LOSS_IDS } from '../tasks/losses';
import { METRIC_IDS } from '../tasks/metrics';

export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop', 'adagrad', 'adadelta', 'adamax'] as const;

/**
 * How a graph trains. Every field has a default, so an empty object is a complete, sensible setting;
 * the training UI fills the loss and output units from the dataset. Losses and metrics are the
 * registered ids (`engine/tasks/losses`, `engine/tasks/metrics`), the strings documents store.
 */
export const TrainingConfigSchema = z
  .object({
    optimizer: z
      .enum(OPTIMIZERS)
      .default('adam')
      .describe('The rule that updates the weights after each batch. Adam works well almost everywhere.'),
    learningRate: z
      .number()
      .positive()
      .max(10)
      .default(0.001)
      .describe('Step size of each update. Too high and the loss jumps around; too low and training crawls.'),
    schedule: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('constant') }),
        // `examples`: where the form starts a freshly chosen schedule.
        z.object({
          kind: z.literal('step'),
          every: z.number().int().positive(),
          factor: z
            .number()
            .positive()
            .max(1)
            .meta({ examples: [0.5] }),
        }),
        z.object({
          kind: z.literal('exponential'),
          decay: z
            .number()
            .positive()
            .max(1)
            .meta({ examples: [0.5] }),
        }),
        z.object({
          kind: z.literal('cosine'),
          minRate: z
            .number()
            .nonnegative()
            .meta({ examples: [0] }),
        }),
      ])
      .default({ kind: 'constant' })
      .describe('How the learning rate changes from epoch to epoch.'),
    loss: z
      .enum(LOSS_IDS)
      .default('categoricalCrossentropy')
      .describe('What training minimises: cross-entropy for classes, mean squared error for numbers.'),
    metrics: z.array(z.enum(METRIC_IDS)).default(['accuracy']).describe('Extra figures reported each epoch.'),
    batchSize: z.number().int().min(1).max(4096).default(32).describe('Samples per weight update.'),
    epochs: z.number().int().min(1).max(10000).default(10).describe('Passes over the training data.'),
    validationSplit: z
      .number()
      .min(0)
      .max(0.9)
      .default(0.1)
      .describe('Share of the training data held back to check the model on data it has not seen.'),
    shuffle: z.boolean().default(true).describe('Shuffle the training data every epoch.'),
    earlyStopping: z
      .object({
        patience: z.number().int().min(1).default(5),
        monitor: z.enum(['val_loss', 'val_acc', 'loss', 'acc']).default('val_loss'),
      })
      .nullable()
      .default(null)
      .describe('Stop when the monitored figure has not improved for this many epochs.'),
    fineTuning: z
      .object({
        headEpochs: z
          .number()
          .int()
          .min(1)
          .default(5)
          .describe('Epochs of phase 1, which trains only the layers left trainable (the new head). The rest of the epochs are phase 2.'),
        unfreezeTop: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .default(2)
          .describe('Phase 2 unfreezes this many frozen layers with weights, counted from the output.'),
        rateFactor: z
          .number()
          .positive()
          .max(1)
          .default(0.1)
          .describe('Phase 2 trains at the learning rate times this factor, so the unfrozen layers change gently.'),
      })
      .nullable()
      .default(null)
      .describe('Fine-tune in two phases as one run: first the head alone, then the top frozen layers too, at a lower rate.'),
    fitImages: z
      .boolean()
      .default(false)
      .describe(
        "Resize the dataset's images to the design's input, and turn grey into colour, instead of changing the Input — what a pretrained backbone needs.",
      ),
    keepBest: z.boolean().default(true).describe('Keep the weights of the best epoch rather than the last.'),
    seed: z
      .number()
      .int()
      .optional()
      .describe('Seed for the initial weights, shuffling and splits, for runs you can repeat.')
      .meta({ placeholder: 'random' }),
  })
  .strict();

export type TrainingConfig = z.infer<typeof TrainingConfigSchema>;
export type TrainingConfigInput = z.input<typeof TrainingConfigSchema>;

/**
 * Training settings as a graph document stores them: any subset of the fields, and no defaults filled
 * in, so a saved document keeps exactly what the user chose and the defaults (and the dataset-based
 * choices of loss and units) apply when training starts. (`.partial()` would keep zod's defaults.)
 */
export const StoredTrainingSchema = z
  .object(
    Object.fromEntries(
      Object.entries(TrainingConfigSchema.shape).map(([key, field]) => [
        key,
        (field instanceof z.ZodDefault ? field.unwrap() : field).optional(),
      ]),
    ),
  )
  .strict() as unknown as z.ZodType<Partial<TrainingConfig>, Partial<TrainingConfigInput>>;
