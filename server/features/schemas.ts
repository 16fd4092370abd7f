import { z } from 'zod';
import { ClassifierSettingsSchema } from '@/engine/features/classifier-settings';
import { int32 } from '@/server/http/int32';
import { DatasetRefSchema } from '@/server/training/schemas';

/**
 * Starts a feature-extraction run: a version of the project whose network (with the version's own
 * weights, a gallery model's, or those of a finished run of the project) computes the activations
 * of one layer for a dataset, on which a classic classifier is trained.
 */
export const CreateFeatureRunBodySchema = z
  .object({
    versionNumber: int32().positive(),
    /** The node whose activations are the features. */
    nodeId: z.string().min(1).max(200),
    dataset: DatasetRefSchema,
    classifier: ClassifierSettingsSchema,
    /** A finished run of this project whose trained network computes the features (else the version's weights). */
    baseRunId: z.string().min(1).max(64).optional(),
    batchSize: z.number().int().min(1).max(512).default(64),
    /** At most this many training samples, drawn at random (SVMs grow slower than linearly with them). */
    trainSamples: z.number().int().min(10).max(100_000).default(2000),
    label: z.string().max(200).optional(),
  })
  .strict();
export type CreateFeatureRunBody = z.infer<typeof CreateFeatureRunBodySchema>;

/** What a feature-extraction run keeps in its config (under `features`). */
export const StoredFeatureSettingsSchema = z.object({
  nodeId: z.string(),
  classifier: ClassifierSettingsSchema,
  batchSize: z.number().int().min(1).max(512),
  trainSamples: z.number().int().min(10).max(100_000).optional(),
});
export type StoredFeatureSettings = z.infer<typeof StoredFeatureSettingsSchema>;

/** The `classifier` artifact's meta: what the blob holds and how the features were taken. */
export interface ClassifierArtifactMeta {
  classifier: string;
  nodeId: string;
  layerName: string;
  featureCount: number;
  inputNote: string | null;
}
