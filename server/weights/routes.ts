import { defineRoute, RAW } from '@/server/http/contract';
import { VersionParams } from '@/server/versions/schemas';
import { OpenedWithWeightsSchema, RunParams, VersionWeightsAnswer, VersionWeightsSchema } from '@/server/weights/schemas';

/** GET /api/projects/:projectId/versions/:number/weights – the version's weights: manifest, node of each layer, load plan (null: none). */
export const versionWeights = defineRoute({
  method: 'GET',
  path: '/api/projects/:projectId/versions/:number/weights',
  params: VersionParams,
  output: VersionWeightsAnswer,
  access: { project: 'viewer' },
});

/** PUT /api/projects/:projectId/versions/:number/weights – weights for a saved version (a bundle: JSON line + weights.bin). */
export const uploadVersionWeights = defineRoute({
  method: 'PUT',
  path: '/api/projects/:projectId/versions/:number/weights',
  params: VersionParams,
  body: RAW,
  output: VersionWeightsSchema,
  status: 201,
  access: { project: 'editor' },
});

/** GET /api/projects/:projectId/versions/:number/weights.bin – the bytes of the version's weights. */
export const versionWeightsBin = defineRoute({
  method: 'GET',
  path: '/api/projects/:projectId/versions/:number/weights.bin',
  params: VersionParams,
  output: RAW,
  access: { project: 'viewer' },
});

/** POST /api/runs/:runId/open-in-editor – a new head version with the run's graph and trained weights. */
export const openRunWeights = defineRoute({
  method: 'POST',
  path: '/api/runs/:runId/open-in-editor',
  params: RunParams,
  output: OpenedWithWeightsSchema,
  status: 201,
  access: { run: 'editor' },
});
