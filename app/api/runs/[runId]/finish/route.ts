import { z } from 'zod';
import { route } from '@/server/http/route';
import { finishBrowserRun } from '@/server/training/browser-run';
import { FinishRunBodySchema, RunParamsSchema } from '@/server/training/schemas';

// POST /api/runs/:runId/finish – a browser run reports its end: status, final figures, evaluation, weights
export const POST = route(
  { params: RunParamsSchema, body: FinishRunBodySchema, output: z.object({ status: z.string() }) },
  ({ caller, params, body }) => finishBrowserRun(caller.userId, params.runId, body),
);
