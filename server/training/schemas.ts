import { z } from 'zod';
import { BACKEND_NAMES } from '@/engine/backends';
import { AugmentationConfigSchema } from '@/engine/data/augment';
import { StoredTrainingSchema } from '@/engine/graph/training-config';
import { EvaluationSchema } from '@/engine/tasks/evaluation-schema';
import { WeightLoadPlanSchema } from '@/engine/train/load-plan';
import { RunTimingSchema } from '@/engine/train/phase-clock';
import { int32 } from '@/server/http/int32';

/** The data a run trains on: a built-in set by name, or a stored dataset version. */
export const DatasetRefSchema = z.union([
  z.object({ builtin: z.string().min(1).max(64), seed: int32().optional() }).strict(),
  z.object({ datasetVersionId: z.string().min(1).max(64) }).strict(),
  /** A stored dataset's version by number (what the dataset pages show). */
  z.object({ datasetId: z.string().min(1).max(64), number: int32().positive() }).strict(),
]);
export type DatasetRef = z.infer<typeof DatasetRefSchema>;

export const PlaceSchema = z.enum(['browser', 'server']);
export const StatusSchema = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']);
export type Status = z.infer<typeof StatusSchema>;

/**
 * Settings a run overrides on top of the graph's own training settings (any subset), plus
 * augmentation of training images (engine/data/augment.ts; all off unless set).
 */
export const RunSettingsSchema = z.object({
  training: StoredTrainingSchema.default({}),
  augmentation: AugmentationConfigSchema.optional(),
  /** Units of Dense layers by node id (sweeps over a layer's width). */
  units: z.record(z.string(), z.number().int().min(1).max(65536)).optional(),
});
export type RunSettings = z.infer<typeof RunSettingsSchema>;

export const CreateRunBodySchema = z
  .object({
    versionNumber: int32().positive(),
    dataset: DatasetRefSchema,
    place: PlaceSchema,
    settings: RunSettingsSchema.default({ training: {} }),
    label: z.string().max(200).optional(),
    /** Start from the trained weights of another run of this project (continue training). */
    initialRunId: z.string().max(64).optional(),
    /** Browser runs: the backend the page measured and chose. */
    backend: z.enum(BACKEND_NAMES).optional(),
  })
  .strict();
export type CreateRunBody = z.infer<typeof CreateRunBodySchema>;

export const MetricsSchema = z.record(z.string(), z.number());

export const EpochSchema = z.object({
  epoch: int32().min(0),
  metrics: MetricsSchema,
  learningRate: z.number(),
  seconds: z.number(),
});
export type Epoch = z.infer<typeof EpochSchema>;

export const RunSummarySchema = z.object({
  id: z.string(),
  projectId: z.string(),
  versionNumber: z.number().int(),
  dataset: z.string(),
  datasetVersionId: z.string().nullable(),
  place: PlaceSchema,
  backend: z.string().nullable(),
  status: StatusSchema,
  label: z.string(),
  /** The name people gave the run, or null: then it is called by its design, version, dataset and date. */
  name: z.string().nullable(),
  /** The name of the project (the design) it trained. */
  designName: z.string(),
  /** network: a trained network; features: a classic classifier on a network's activations. */
  kind: z.enum(['network', 'features']),
  config: z.record(z.string(), z.unknown()),
  finalMetrics: MetricsSchema.nullable(),
  epochsDone: z.number().int(),
  wallTimeMs: z.number().int().nullable(),
  sweepId: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  hasWeights: z.boolean(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const RunDetailSchema = RunSummarySchema.extend({
  error: z.string().nullable(),
  cancelRequested: z.boolean(),
  attempts: z.number().int(),
  checkpointEpoch: z.number().int().nullable(),
  resumedFromEpoch: z.number().int().nullable(),
  initialRunId: z.string().nullable(),
  epochs: z.array(EpochSchema),
  /** Confusion matrix and samples, or residuals (engine/train/evaluation.ts), when recorded. */
  evaluation: EvaluationSchema.nullable(),
  /** Where the time of a finished run went (engine/train/phase-clock.ts), when recorded. */
  timing: RunTimingSchema.nullable(),
});
export type RunDetail = z.infer<typeof RunDetailSchema>;

/** `PATCH /api/runs/:runId`: a new name, or an empty one (or null) to go back to the made-up name. */
export const RenameRunBodySchema = z
  .object({
    name: z
      .string()
      .trim()
      .max(120, 'A run name has at most 120 characters.')
      .nullable()
      .transform((name) => name || null),
  })
  .strict();

export const ListRunsQuerySchema = z.object({
  status: StatusSchema.optional(),
  place: PlaceSchema.optional(),
  dataset: z.string().max(200).optional(),
  sweepId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const RunListSchema = z.object({ runs: z.array(RunSummarySchema) });

export const RecordEpochBodySchema = EpochSchema;

export const FinishRunBodySchema = z
  .object({
    status: z.enum(['completed', 'failed', 'cancelled']),
    finalMetrics: MetricsSchema.default({}),
    wallTimeMs: int32().min(0).optional(),
    error: z.string().max(2000).optional(),
    evaluation: EvaluationSchema.nullable().optional(),
    /** Where the run's time went, phase by phase. */
    timing: RunTimingSchema.optional(),
    /** How the weights of the run this one continued from were loaded (kept with the run's settings). */
    weightPlan: WeightLoadPlanSchema.optional(),
    /** Weights uploaded first with PUT /api/runs/:runId/weights.bin, and the model they belong to. */
    weights: z
      .object({
        hash: z.string().regex(/^[0-9a-f]{64}$/),
        modelTopology: z.record(z.string(), z.unknown()),
        weightSpecs: z.array(z.object({ name: z.string(), shape: z.array(int32()), dtype: z.string() }).passthrough()),
        /** TF.js layer name → node id: the weights' identity, so a renamed layer keeps them. */
        layerNodes: z.record(z.string(), z.string()).optional(),
      })
      .optional(),
  })
  .strict();
export type FinishRunBody = z.infer<typeof FinishRunBodySchema>;

/** What `POST /api/runs/:runId/cancel` did: cancelled at once, or asked the worker to stop. */
export const CancelResultSchema = z.object({ status: z.enum(['cancelled', 'cancelling']) });
/** Whether a reported epoch was new (a repeated report of the same epoch is not recorded twice). */
export const EpochRecordedSchema = z.object({ recorded: z.boolean() });
/** The status a browser run was finished with. */
export const FinishResultSchema = z.object({ status: z.string() });
/** Uploaded weights, to be named in the finish call. */
export const StoredWeightsSchema = z.object({ hash: z.string(), size: z.number().int() });
/** A trained model as TF.js model.json (its weights at ./weights.bin), for tf.loadLayersModel. */
export const RunModelSchema = z.object({ modelTopology: z.unknown(), weightsManifest: z.array(z.unknown()) }).passthrough();
export type RunModel = z.infer<typeof RunModelSchema>;

export const RunParamsSchema = z.object({ runId: z.string().min(1).max(64) });
export const ProjectParamsSchema = z.object({ projectId: z.string().min(1).max(64) });
export const SweepParamsSchema = z.object({ projectId: z.string().min(1).max(64), sweepId: z.string().min(1).max(64) });

/** A sweep axis: a training setting, or the units of one Dense layer (`units:<nodeId>`). */
export const SweepAxisSchema = z.object({
  setting: z.union([z.enum(['learningRate', 'batchSize', 'epochs', 'optimizer']), z.string().regex(/^units:[\w-]{1,64}$/)]),
  values: z
    .array(z.union([z.number(), z.string()]))
    .min(1)
    .max(8),
});

export const CreateSweepBodySchema = z
  .object({
    versionNumber: int32().positive(),
    dataset: DatasetRefSchema,
    settings: RunSettingsSchema.default({ training: {} }),
    axes: z.array(SweepAxisSchema).min(1).max(3),
  })
  .strict();
export type CreateSweepBody = z.infer<typeof CreateSweepBodySchema>;

export const SweepSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  versionNumber: z.number().int(),
  dataset: z.string(),
  axes: z.array(SweepAxisSchema),
  createdAt: z.string(),
  runs: z.array(RunSummarySchema),
});
export type Sweep = z.infer<typeof SweepSchema>;
export const SweepListSchema = z.object({ sweeps: z.array(SweepSchema) });

/** Sent on a run's channel and over Server-Sent Events. */
export const RunEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('status'),
    status: StatusSchema,
    backend: z.string().nullable().optional(),
    error: z.string().nullable().optional(),
  }),
  z.object({ type: z.literal('epoch'), epoch: EpochSchema }),
  z.object({
    type: z.literal('progress'),
    epoch: z.number().int(),
    batch: z.number().int(),
    batches: z.number().int(),
    totalEpochs: z.number().int(),
    metrics: MetricsSchema,
  }),
  z.object({ type: z.literal('finished'), status: StatusSchema, finalMetrics: MetricsSchema.nullable() }),
]);
export type RunEvent = z.infer<typeof RunEventSchema>;
