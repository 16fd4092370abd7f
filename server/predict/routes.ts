import { defineRoute, RAW } from '@/server/http/contract';
import { PredictionsSchema, PredictParams, PredictQuery } from '@/server/predict/schemas';

/** GET /api/runs/:runId/export.zip – the network to deploy: TF.js files, metadata and a page that classifies an image. */
export const exportRun = defineRoute({
  method: 'GET',
  path: '/api/runs/:runId/export.zip',
  params: PredictParams,
  output: RAW,
  access: { run: 'viewer' },
});

/**
 * POST /api/runs/:runId/predict – classify with a finished run's network: a JSON body
 * `{ "rows": [[…], …] }` (raw feature values), `{ "texts": ["…"] }` for a run trained on texts, or the bytes
 * of one image (`Content-Type: image/…`).
 * Accepts predict-scoped project tokens; rate limited per caller.
 */
export const predictRun = defineRoute({
  method: 'POST',
  path: '/api/runs/:runId/predict',
  params: PredictParams,
  query: PredictQuery,
  body: RAW,
  output: PredictionsSchema,
  access: { run: 'viewer' },
  predictToken: true,
});
