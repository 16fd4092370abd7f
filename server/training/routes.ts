import { defineRoute, NoContent, RAW } from '@/server/http/contract';
import {
  CancelResultSchema,
  CreateRunBodySchema,
  CreateSweepBodySchema,
  EpochRecordedSchema,
  FinishResultSchema,
  FinishRunBodySchema,
  ListRunsQuerySchema,
  ProjectParamsSchema,
  RecordEpochBodySchema,
  RenameRunBodySchema,
  RunDetailSchema,
  RunListSchema,
  RunModelSchema,
  RunParamsSchema,
  RunSummarySchema,
  StoredWeightsSchema,
  SweepListSchema,
  SweepParamsSchema,
  SweepSchema,
} from '@/server/training/schemas';

/** GET /api/projects/:projectId/runs – the project's runs, newest first (`?status=&place=&dataset=&sweepId=&limit=`). */
export const listRuns = defineRoute({
  method: 'GET',
  path: '/api/projects/:projectId/runs',
  params: ProjectParamsSchema,
  query: ListRunsQuerySchema,
  output: RunListSchema,
  access: { project: 'viewer' },
});

/** POST /api/projects/:projectId/runs – start a run: queue it for the server workers, or record a browser run. */
export const createRun = defineRoute({
  method: 'POST',
  path: '/api/projects/:projectId/runs',
  params: ProjectParamsSchema,
  body: CreateRunBodySchema,
  output: RunSummarySchema,
  status: 201,
  access: { project: 'editor' },
});

/** GET /api/projects/:projectId/sweeps – the project's sweeps with their runs. */
export const listSweeps = defineRoute({
  method: 'GET',
  path: '/api/projects/:projectId/sweeps',
  params: ProjectParamsSchema,
  output: SweepListSchema,
  access: { project: 'viewer' },
});

/** POST /api/projects/:projectId/sweeps – queue a grid of up to three settings as server runs. */
export const createSweep = defineRoute({
  method: 'POST',
  path: '/api/projects/:projectId/sweeps',
  params: ProjectParamsSchema,
  body: CreateSweepBodySchema,
  output: SweepSchema,
  status: 201,
  access: { project: 'editor' },
});

/** GET /api/projects/:projectId/sweeps/:sweepId – one sweep and its runs, for the results table and chart. */
export const getSweep = defineRoute({
  method: 'GET',
  path: '/api/projects/:projectId/sweeps/:sweepId',
  params: SweepParamsSchema,
  output: SweepSchema,
  access: { project: 'viewer' },
});

/** GET /api/runs/:runId – one run: settings, status, every epoch, evaluation, resume marker. */
export const getRun = defineRoute({
  method: 'GET',
  path: '/api/runs/:runId',
  params: RunParamsSchema,
  output: RunDetailSchema,
  access: { run: 'viewer' },
});

/** PATCH /api/runs/:runId – rename a run (an empty name goes back to the one made from design, version, dataset and date). */
export const renameRun = defineRoute({
  method: 'PATCH',
  path: '/api/runs/:runId',
  params: RunParamsSchema,
  body: RenameRunBodySchema,
  output: RunSummarySchema,
  access: { run: 'editor' },
});

/** DELETE /api/runs/:runId – delete a finished run with its epochs and artifacts. */
export const deleteRun = defineRoute({
  method: 'DELETE',
  path: '/api/runs/:runId',
  params: RunParamsSchema,
  output: NoContent,
  status: 204,
  access: { run: 'editor' },
});

/** POST /api/runs/:runId/cancel – stop a queued or running run. */
export const cancelRun = defineRoute({
  method: 'POST',
  path: '/api/runs/:runId/cancel',
  params: RunParamsSchema,
  output: CancelResultSchema,
  access: { run: 'editor' },
});

/** GET /api/runs/:runId/events – Server-Sent Events: the run's status and epochs so far, then live updates. */
export const runEvents = defineRoute({
  method: 'GET',
  path: '/api/runs/:runId/events',
  params: RunParamsSchema,
  output: RAW,
  access: { run: 'viewer' },
});

/** POST /api/runs/:runId/epochs – a browser run reports a finished epoch (idempotent per epoch). */
export const reportEpoch = defineRoute({
  method: 'POST',
  path: '/api/runs/:runId/epochs',
  params: RunParamsSchema,
  body: RecordEpochBodySchema,
  output: EpochRecordedSchema,
  access: { run: 'editor' },
});

/** POST /api/runs/:runId/finish – a browser run reports its end: status, final figures, evaluation, weights. */
export const finishRun = defineRoute({
  method: 'POST',
  path: '/api/runs/:runId/finish',
  params: RunParamsSchema,
  body: FinishRunBodySchema,
  output: FinishResultSchema,
  access: { run: 'editor' },
});

/** GET /api/runs/:runId/model – the trained model as TF.js model.json (weights at ./weights.bin), for tf.loadLayersModel. */
export const runModel = defineRoute({
  method: 'GET',
  path: '/api/runs/:runId/model',
  params: RunParamsSchema,
  output: RunModelSchema,
  access: { run: 'viewer' },
});

/** GET /api/runs/:runId/weights.bin – the trained weights, the binary half of the model. */
export const runWeights = defineRoute({
  method: 'GET',
  path: '/api/runs/:runId/weights.bin',
  params: RunParamsSchema,
  output: RAW,
  access: { run: 'viewer' },
});

/** PUT /api/runs/:runId/weights.bin – a browser run uploads its trained weights (streamed), then names them in the finish call. */
export const uploadRunWeights = defineRoute({
  method: 'PUT',
  path: '/api/runs/:runId/weights.bin',
  params: RunParamsSchema,
  body: RAW,
  output: StoredWeightsSchema,
  status: 201,
  access: { run: 'editor' },
});
