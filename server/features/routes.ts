import { CreateFeatureRunBodySchema } from '@/server/features/schemas';
import { defineRoute } from '@/server/http/contract';
import { ProjectParamsSchema, RunSummarySchema } from '@/server/training/schemas';

/**
 * POST /api/projects/:projectId/feature-runs – start a feature-extraction run: a server job computes
 * one layer's activations for a dataset and trains a classic classifier (SVM, logistic regression,
 * k-NN) on them.
 */
export const createFeatureRun = defineRoute({
  method: 'POST',
  path: '/api/projects/:projectId/feature-runs',
  params: ProjectParamsSchema,
  body: CreateFeatureRunBodySchema,
  output: RunSummarySchema,
  status: 201,
  access: { project: 'editor' },
});
