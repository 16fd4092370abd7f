import { z } from 'zod';
import { route } from '@/server/http/route';
import { deleteRun } from '@/server/training/delete-run';
import { getRun } from '@/server/training/get-run';
import { RunDetailSchema, RunParamsSchema } from '@/server/training/schemas';

// GET /api/runs/:runId – one run: settings, status, every epoch, evaluation, resume marker
export const GET = route({ params: RunParamsSchema, output: RunDetailSchema }, ({ caller, params }) => getRun(caller.userId, params.runId));

// DELETE /api/runs/:runId – delete a finished run with its epochs and artifacts
export const DELETE = route({ params: RunParamsSchema, output: z.null(), status: 204 }, async ({ caller, params }) => {
  await deleteRun(caller.userId, params.runId);
  return null;
});
